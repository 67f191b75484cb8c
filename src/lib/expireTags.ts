import type { Payload } from 'payload'

import { contentChanged } from './contentGeneration'

type IncrementalCache = { revalidateTag(tags: string[]): Promise<void> }

/**
 * Expires cache tags on this server at once (not stale-while-revalidate): the very next reader of
 * a page that showed the resource gets a fresh render, or the 404. Through Next's incremental
 * cache, which is where `revalidateTag` ends too: `revalidateTag` only queues the tags on the
 * current request, and a timer or job started by a request still sees that request (finished by
 * then), so its tags would be queued and never applied. Before the server has answered any
 * request there is no cache yet, and `revalidateTag` is the way; outside a Next server there is
 * nothing to expire.
 */
export async function expireTags(payload: Payload, tags: string[]): Promise<void> {
  if (tags.length === 0) return
  contentChanged()
  const cache = (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache
  if (cache) {
    await cache.revalidateTag(tags)
    return
  }
  try {
    const { revalidateTag } = await import('next/cache')
    for (const tag of tags) revalidateTag(tag, { expire: 0 })
  } catch {
    payload.logger.debug(`不在 Next.js 服务中，跳过页面刷新 skipped: ${tags.join(' ')}`)
  }
}
