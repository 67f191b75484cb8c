import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external.js'

import { CACHE_TAGS_HEADER } from './cacheTags'

/** A route handler's response, tagged like a page (see CacheTags). */
export function withCacheTags(response: Response, tags: readonly string[]): Response {
  const unique = [...new Set(tags)]
  declareTags(unique)
  response.headers.set(CACHE_TAGS_HEADER, unique.join(' '))
  return response
}

/** Next.js keeps at most this many tags per cache entry (NEXT_CACHE_TAG_MAX_ITEMS). */
const MAX_TAGS = 128

/**
 * Adds tags to the cache entry of the page or route handler being rendered, as `fetch(…, { next:
 * { tags } })` and `unstable_cache` do for the data they load. Our data comes from the Payload
 * Local API, not fetch, and `cacheTag()` needs `cacheComponents` (which rules out the route segment
 * config every page here uses), so this writes to the same render store Next's own helpers write
 * to. Outside a cached render (a dynamic request, a script) there is nothing to tag.
 */
export function declareTags(tags: readonly string[]): void {
  const store = workUnitAsyncStorage.getStore() as { type: string; tags?: string[] | null } | undefined
  if (!store || (store.type !== 'prerender-legacy' && store.type !== 'prerender')) return
  const collected = store.tags ?? (store.tags = [])
  for (const tag of tags) {
    if (collected.length >= MAX_TAGS) {
      throw new Error(`页面缓存标签超过 ${MAX_TAGS} 个，请改用更粗的标签：${tags.join(' ')}`)
    }
    if (!collected.includes(tag)) collected.push(tag)
  }
}

