import type { ResourceKind } from './kinds'
import { AUDIENCES, DIALECTS, SCRIPT_FORMATS, type Option } from './vocabulary'

/** Filters a list page understands, all carried in the URL query so a list can be shared. */
export type ListQuery = {
  topic?: string
  org?: string
  format?: string
  audience?: string
  dialect?: string
  /** Duration range in minutes (speaking time, video length or reading time). */
  min?: number
  max?: number
  sort: 'newest' | 'shortest'
  page: number
}

export type ListFilter = Exclude<keyof ListQuery, 'sort' | 'page'>

export const PAGE_SIZE = 12
export const MAX_MINUTES = 600

/** Which filters make sense for each kind; anything else in the query is ignored. */
export const KIND_FILTERS: Record<ResourceKind, readonly ListFilter[]> = {
  scripts: ['topic', 'format', 'audience', 'dialect', 'org', 'min', 'max'],
  videos: ['topic', 'dialect', 'org', 'min', 'max'],
  textbooks: ['topic', 'audience', 'org', 'min', 'max'],
  cases: ['topic', 'org'],
}

/** Kinds that have a duration, so "shortest first" and a duration range apply. */
export function hasDuration(kind: ResourceKind): boolean {
  return KIND_FILTERS[kind].includes('min')
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams

function first(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key]
  const single = Array.isArray(value) ? value[0] : value
  const trimmed = single?.trim()
  return trimmed ? trimmed : undefined
}

function option(options: readonly Option[], value: string | undefined): string | undefined {
  return value && options.some((item) => item.value === value) ? value : undefined
}

function minutes(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,4}$/.test(value)) return undefined
  return Math.min(Number(value), MAX_MINUTES)
}

/**
 * Reads a list page's query. Never throws: unknown keys, bad values and filters that do not
 * apply to the kind are dropped, numbers are clamped, and a reversed duration range is swapped.
 */
export function parseListQuery(kind: ResourceKind, params: RawParams): ListQuery {
  const allowed = new Set<string>(KIND_FILTERS[kind])
  const slugOf = (key: ListFilter) => {
    const value = allowed.has(key) ? first(params, key) : undefined
    return value && SLUG.test(value) ? value : undefined
  }
  const query: ListQuery = { sort: 'newest', page: 1 }
  query.topic = slugOf('topic')
  query.org = slugOf('org')
  if (allowed.has('format')) query.format = option(SCRIPT_FORMATS, first(params, 'format'))
  if (allowed.has('audience')) query.audience = option(AUDIENCES, first(params, 'audience'))
  if (allowed.has('dialect')) query.dialect = option(DIALECTS, first(params, 'dialect'))
  if (allowed.has('min')) {
    let min = minutes(first(params, 'min'))
    let max = minutes(first(params, 'max'))
    if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min]
    query.min = min
    query.max = max
  }
  if (first(params, 'sort') === 'shortest' && hasDuration(kind)) query.sort = 'shortest'
  const page = first(params, 'page')
  if (page && /^\d{1,6}$/.test(page)) query.page = Math.max(1, Number(page))
  for (const key of Object.keys(query) as (keyof ListQuery)[]) {
    if (query[key] === undefined) delete query[key]
  }
  return query
}

/** Whether any filter (not sort or page) is set. */
export function isFiltered(query: ListQuery): boolean {
  return Object.keys(query).some((key) => key !== 'sort' && key !== 'page')
}

/** The query string (with `?`, or empty) for a list URL; defaults are left out so URLs stay short. */
export function listQueryString(query: Partial<ListQuery>): string {
  const params = new URLSearchParams()
  for (const key of ['topic', 'format', 'audience', 'dialect', 'org', 'min', 'max'] as const) {
    const value = query[key]
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  if (query.sort && query.sort !== 'newest') params.set('sort', query.sort)
  if (query.page && query.page > 1) params.set('page', String(query.page))
  const text = params.toString()
  return text ? `?${text}` : ''
}
