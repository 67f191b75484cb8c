import type { ResourceKind } from './kinds'
import { listQueryString, parseListQuery, type ListQuery } from './listQuery'

/**
 * List pages read their query, so Next.js would render each request anew (about 40 ms of CPU
 * each). The proxy rewrites `/scripts?format=bandeng&page=2` to a cached route whose path holds
 * the query in its canonical form, `/lists/scripts/format=bandeng&page=2`: each distinct list is
 * rendered once and kept until a change expires its tags (the kind's list tag, or a listed card's),
 * exactly like a detail page. Equivalent URLs (reordered keys, unknown keys, bad values) share one
 * entry; pages past MAX_CACHED_PAGE stay per request, so crawling page numbers cannot fill the disk.
 */
const LIST_CACHE_PREFIX = '/lists'
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
