import { isResourceKind } from '@/lib/kinds'
import { AUDIENCES, DIALECTS, SCRIPT_FORMATS } from '@/lib/vocabulary'

import { DURATION_BUCKETS, type DurationBucket, type SearchFilters } from './types'

export const MAX_QUERY_LENGTH = 100
const MAX_PAGE = 500
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>

function first(params: RawParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key]
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text.trim() : undefined
}

const oneOf = (options: readonly { value: string }[], value: string | undefined) =>
  value && options.some((option) => option.value === value) ? value : undefined

/**
 * Reads a search request from URL parameters. Unknown or malformed values are dropped, the
 * query is cut to a sane length and the page clamped, so no input can make a search fail.
 */
export function parseSearchParams(params: RawParams): {
  query: string
  filters: SearchFilters
  page: number
} {
  const query = (first(params, 'q') ?? '').replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH)
  const kind = first(params, 'kind')
  const topic = first(params, 'topic')
  const org = first(params, 'org')
  const pageNumber = Number.parseInt(first(params, 'page') ?? '1', 10)
  const filters: SearchFilters = {
    kind: isResourceKind(kind) ? kind : undefined,
    topic: topic && SLUG.test(topic) && topic.length <= 64 ? topic : undefined,
    org: org && SLUG.test(org) && org.length <= 64 ? org : undefined,
    format: oneOf(SCRIPT_FORMATS, first(params, 'format')),
    audience: oneOf(AUDIENCES, first(params, 'audience')),
    dialect: oneOf(DIALECTS, first(params, 'dialect')),
    duration: oneOf(DURATION_BUCKETS, first(params, 'duration')) as DurationBucket | undefined,
  }
  for (const key of Object.keys(filters) as (keyof SearchFilters)[]) {
    if (filters[key] === undefined) delete filters[key]
  }
  const page = Number.isFinite(pageNumber) ? Math.min(Math.max(pageNumber, 1), MAX_PAGE) : 1
  return { query, filters, page }
}
