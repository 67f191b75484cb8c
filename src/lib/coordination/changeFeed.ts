import type { Payload, PayloadRequest } from 'payload'

import { expireTags } from '../expireTags'
import { invalidateSearchIndex } from '../search/liveCache'
import { databaseBackoff, millisecondsFromEnv, processState, SERVER_ID } from './server'

/**
 * What one server changed on the portal, for the others. A server expires its own page cache when
 * it publishes; the public-change feed (a row per change, written in the change's transaction)
 * lets every other server on the database expire the same tags: each polls the feed every
 * `PUBLIC_CHANGES_POLL_MS` (1 s by default), so a publish through one server shows through all of
 * them within about that time. A server also reads the feed's last day when it starts: its page
 * cache on disk may predate changes made while it was down.
 */

const FEED = 'public-changes' as const
/** Rows stay this long: the longest downtime after which a restarted server catches up. */
const RETENTION_MS = 24 * 60 * 60 * 1000
/** Rows are re-read for this long: a change committed late (a long transaction) is not missed. */
const OVERLAP_MS = 30_000
const PAGE = 500

/** The cache tag Next.js gives every page under the root layout (`revalidatePath('/', 'layout')`). */
export const WHOLE_PORTAL_TAG = '_N_T_/layout'

/**
 * How often the feed is polled: `PUBLIC_CHANGES_POLL_MS`, `0` for never (after the replay at
 * start). Default 1 s on MongoDB; on SQLite off unless set: its driver waits for a locked file on
 * the main thread, and polls then hold up every request. Set it when several servers share one
 * SQLite file.
 */
export function changePollInterval(payload: Payload): number {
  const raw = process.env.PUBLIC_CHANGES_POLL_MS
  if (raw !== undefined && raw.trim() === '0') return 0
  return millisecondsFromEnv('PUBLIC_CHANGES_POLL_MS', payload.db.name === 'sqlite' ? 0 : 1000)
}

/** Records a change's expired tags in the feed, inside the request's transaction. */
export async function recordPublicChange(req: PayloadRequest, tags: string[]): Promise<void> {
  if (tags.length === 0) return
  await req.payload.create({
    collection: FEED,
    data: { at: new Date().toISOString(), origin: SERVER_ID, tags },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

type Feed = {
  started: boolean
  timer: NodeJS.Timeout | null
  /** The newest `at` read so far (ms). */
  cursor: number
  /** Rows already handled, with their `at`, forgotten once older than the overlap. */
  seen: Map<string, number>
  polling: Promise<number> | null
  lastCleanup: number
  onRemoteChange: ((payload: Payload) => void) | null
  backoff: ReturnType<typeof databaseBackoff>
}

const feed = processState<Feed>('public-change-feed', () => ({
  started: false,
  timer: null,
  cursor: 0,
  seen: new Map(),
  polling: null,
  lastCleanup: 0,
  onRemoteChange: null,
  backoff: databaseBackoff(),
}))

/**
 * Reads the feed once: expires the tags other servers recorded since the last read, drops the live
 * search index and tells `onRemoteChange`. Returns how many changes from other servers it applied.
 */
export async function pollPublicChanges(payload: Payload): Promise<number> {
  if (feed.polling) return feed.polling
  feed.polling = readFeed(payload).finally(() => {
    feed.polling = null
  })
  return feed.polling
}

async function readFeed(payload: Payload): Promise<number> {
  const since = new Date(Math.max(feed.cursor - OVERLAP_MS, Date.now() - RETENTION_MS))
  const tags = new Set<string>()
  let remote = 0
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection: FEED,
      where: { at: { greater_than_equal: since.toISOString() } },
      sort: 'at',
      limit: PAGE,
      page,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs) {
      const id = String(doc.id)
      const at = Date.parse(doc.at)
      if (feed.seen.has(id)) continue
      feed.seen.set(id, at)
      if (at > feed.cursor) feed.cursor = at
      if (doc.origin === SERVER_ID) continue
      remote += 1
      for (const tag of Array.isArray(doc.tags) ? doc.tags : []) {
        if (typeof tag === 'string') tags.add(tag)
      }
    }
    if (!hasNextPage) break
  }
  for (const [id, at] of feed.seen) {
    if (at < feed.cursor - 2 * OVERLAP_MS) feed.seen.delete(id)
  }
  if (remote > 0) {
    await expireTags(payload, [...tags])
    invalidateSearchIndex()
    payload.logger.info(
      `已应用其他服务器的 ${remote} 项公开变更 applied ${remote} remote change(s)`,
    )
    feed.onRemoteChange?.(payload)
  }
  await cleanUp(payload)
  return remote
}

/** Deletes feed rows past retention and expired rate-limit windows, every few minutes. */
async function cleanUp(payload: Payload): Promise<void> {
  const now = Date.now()
  if (now - feed.lastCleanup < 5 * 60 * 1000) return
  feed.lastCleanup = now
  try {
    await payload.db.deleteMany({
      collection: FEED,
      where: { at: { less_than: new Date(now - RETENTION_MS).toISOString() } },
    })
    await payload.db.deleteMany({
      collection: 'rate-counters',
      where: { expiresAt: { less_than: new Date(now).toISOString() } },
    })
  } catch (err) {
    payload.logger.warn({ err }, '清理协调数据失败 cleaning up coordination rows failed')
  }
}

/** Starts polling the feed (once per process). */
export function startChangeFeed(
  payload: Payload,
  onRemoteChange: (payload: Payload) => void,
): void {
  feed.onRemoteChange = onRemoteChange
  if (feed.started) return
  feed.started = true
  // Each poll is scheduled after the previous one ends. A poll that failed (the database is away:
  // the SQLite driver waits for a locked file on the main thread) spaces the next ones out through
  // the shared backoff, so the feed never holds up the requests the server is there for. A poll
  // that was merely slow (a busy server) does not: the other servers' changes must keep arriving.
  const poll = async () => {
    if (feed.backoff.ready()) {
      try {
        await pollPublicChanges(payload)
        feed.backoff.succeeded()
      } catch (err) {
        feed.backoff.failed()
        payload.logger.warn({ err }, '读取公开变更失败 reading the public-change feed failed')
      }
    }
    const interval = changePollInterval(payload)
    if (!feed.started || interval === 0) return
    feed.timer = setTimeout(() => void poll(), interval)
    feed.timer.unref?.()
  }
  void poll()
}

/** Stops polling (tests). */
export function stopChangeFeed(): void {
  if (feed.timer) clearTimeout(feed.timer)
  feed.timer = null
  feed.started = false
}
