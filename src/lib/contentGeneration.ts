/**
 * Public changes seen by this process, as a counter, and memos of published data that live until
 * the next one. Every public change ends in `expireTags` (here, or from another server through the
 * change feed) or in a whole-portal revalidation; both bump the counter. Several pages render the
 * same data after a change (a topic's page and its three feeds read the same newest resources):
 * the first render loads it, the others reuse it, and the change after that drops it.
 *
 * A memo is stricter than the page cache it feeds: any change drops every memo, not only the ones
 * a change's tags name. On globalThis: Next.js may load this module once per route bundle (the
 * REST route that publishes, the pages that read), and they must share one counter.
 */

type Entry = { generation: number; at: number; value: Promise<unknown> }
type State = { generation: number; memos: Map<string, Entry> }

const KEY = Symbol.for('practice-hub.content-generation')
const state = ((globalThis as Record<symbol, State | undefined>)[KEY] ??= {
  generation: 0,
  memos: new Map(),
})

/** Kept at most this long even without a change: changes of another process reach us late. */
const MAX_AGE_MS = 5 * 60 * 1000
/** Distinct keys kept (topics and orgs of a county: tens); the oldest go first beyond it. */
const MAX_ENTRIES = 500

/** A public change happened (called when its pages expire): every memo is dropped. */
export function contentChanged(): void {
  state.generation += 1
  state.memos.clear()
}

/**
 * `load()`'s value, shared by every caller with the same key until the next public change. A load
 * that a change overtakes is not kept, and a failed one is not remembered.
 */
export function memoUntilChange<T>(key: string, load: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = state.memos.get(key)
  if (hit && hit.generation === state.generation && now - hit.at < MAX_AGE_MS) {
    return hit.value as Promise<T>
  }
  const generation = state.generation
  const value = load()
  state.memos.delete(key)
  if (state.memos.size >= MAX_ENTRIES) {
    const oldest = state.memos.keys().next().value
    if (oldest !== undefined) state.memos.delete(oldest)
  }
  state.memos.set(key, { generation, at: now, value })
  value.catch(() => {
    if (state.memos.get(key)?.value === value) state.memos.delete(key)
  })
  return value
}
