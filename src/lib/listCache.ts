import type { ResourceKind } from './kinds'
import { listQueryString, parseListQuery, type ListQuery } from './listQuery'
import { parseSearchParams } from './search/params'

/**
 * List pages read their query, so Next.js would render each request anew (about 40 ms of CPU
 * each). The proxy rewrites `/scripts?format=bandeng&page=2` to a cached route whose path holds
 * the query in its canonical form, `/lists/scripts/format=bandeng&page=2`: each distinct list is
 * rendered once and kept until a change expires its tags (the kind's list tag, or a listed card's),
 * exactly like a detail page. Equivalent URLs (reordered keys, unknown keys, bad values) share one
 * entry; pages past MAX_CACHED_PAGE stay per request, so crawling page numbers cannot fill the disk.
 */
const LIST_CACHE_PREFIX = '/lists'
/** Search pages' cached route; src/lib/cache/cspCacheHandler.mjs keeps these in memory only. */
export const SEARCH_CACHE_PREFIX = `${LIST_CACHE_PREFIX}/search`
export const MAX_CACHED_PAGE = 50
const EVERYTHING = 'all'

/** A list query's canonical text: its query string without `?`, or `all`. */
const canonicalText = (query: ListQuery) => listQueryString(query).slice(1) || EVERYTHING

/** The cached route's path for a list query, or null when the query is not cached. */
export function cachedListPath(kind: ResourceKind, params: URLSearchParams): string | null {
  const query = parseListQuery(kind, params)
  if (query.page > MAX_CACHED_PAGE) return null
  return `${LIST_CACHE_PREFIX}/${kind}/${encodeURIComponent(canonicalText(query))}`
}

/**
 * The query a cached route's segment stands for (the inverse of `cachedListPath`), or null when
 * the segment is not one the proxy would write: only canonical queries within range get an entry.
 * Next.js hands the segment over decoded; canonical text never contains `%`.
 */
export function queryOfSegment(kind: ResourceKind, segment: string): ListQuery | null {
  let text = segment
  try {
    if (text.includes('%')) text = decodeURIComponent(text)
  } catch {
    return null
  }
  const query = parseListQuery(kind, new URLSearchParams(text === EVERYTHING ? '' : text))
  return query.page <= MAX_CACHED_PAGE && canonicalText(query) === text ? query : null
}

/** A search request as the search page reads it. */
export type SearchRequest = ReturnType<typeof parseSearchParams>

const SEARCH_KEYS = ['kind', 'topic', 'org', 'format', 'audience', 'dialect', 'duration'] as const

/** A search's canonical text: its parameters in a fixed order, runs of spaces as one, or `all`. */
function searchText({ query, filters, page }: SearchRequest): string {
  const params = new URLSearchParams()
  const words = query.replace(/\s+/gu, ' ').trim()
  if (words) params.set('q', words)
  for (const key of SEARCH_KEYS) if (filters[key]) params.set(key, filters[key] as string)
  if (page > 1) params.set('page', String(page))
  return params.toString() || EVERYTHING
}

/**
 * The search page reads its query too, and a search costs several times a cached page (about
 * 14 ms of CPU, 150 ms when the first search after a change rebuilds the index). So `/search?…`
 * is rewritten like a list, to `/lists/search/<canonical query>`, rendered once per distinct search
 * and kept until any public change. Readers can type anything, so these entries are kept in memory
 * only, within Next.js's bounded page cache, never on disk.
 */
export function cachedSearchPath(params: URLSearchParams): string {
  return `${SEARCH_CACHE_PREFIX}/${encodeURIComponent(searchText(parseSearchParams(params)))}`
}

/**
 * The search a cached route's segment stands for, or null unless `cachedSearchPath` writes it.
 * Canonical text holds percent-escapes of its own (`q=%E5%BD%A9…`); Next.js hands the segment over
 * decoded once, or still encoded: whichever of the two is canonical.
 */
export function searchOfSegment(segment: string): SearchRequest | null {
  const texts = [segment]
  try {
    texts.push(decodeURIComponent(segment))
  } catch {
    // not encoded
  }
  for (const text of texts) {
    const request = parseSearchParams(new URLSearchParams(text === EVERYTHING ? '' : text))
    if (searchText(request) === text) return request
  }
  return null
}

/** Whether a search request asks for nothing: the page then offers where to start. */
export const isEmptySearch = ({ query, filters }: SearchRequest): boolean =>
  !query && Object.keys(filters).length === 0
