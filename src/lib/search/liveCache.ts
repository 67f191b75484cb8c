import type { SearchIndex } from './engine'

/**
 * A safety net: an index this old is rebuilt from scratch, in the background while the current
 * one keeps answering. Changes themselves are applied as they happen (see `refresh`).
 */
const FULL_REBUILD_MS = 60 * 60 * 1000

/** An index and what its source needs to bring it up to date later. */
export type LiveIndex<State = unknown> = { index: SearchIndex; state: State }

export type LiveIndexSource<State> = {
  /** A cheap summary of the published content: when it differs, the index is refreshed. */
  fingerprint(): Promise<string>
  /** The index of every published document, from scratch. */
  build(): Promise<LiveIndex<State>>
  /**
   * `current` brought up to date with what changed since it was made, or null when only a full
   * build will do. `now` is the fingerprint read just before (the content read is at least as new).
   */
  refresh(current: LiveIndex<State>, now: string): Promise<LiveIndex<State> | null>
}

type Entry = {
  live: Promise<LiveIndex>
  /** When the full build this entry descends from began. */
  builtAt: number
  generation: number
  fingerprint: string
}

type Cache = {
  /** Bumped by every invalidation: an entry of an older generation is refreshed before use. */
  generation: number
  entry: Entry | null
  rebuilding: boolean
  /** Full builds and refreshes so far (for tests and benchmarks). */
  stats: { builds: number; refreshes: number }
}

// On globalThis: Next.js may load this module once per route bundle (the REST route that
// publishes and the search page that reads), and they must share one cache and one invalidation.
const KEY = Symbol.for('practice-hub.search-index')
const cache = ((globalThis as Record<symbol, Cache | undefined>)[KEY] ??= {
  generation: 0,
  entry: null,
  rebuilding: false,
  stats: { builds: 0, refreshes: 0 },
})

/** How often the live index was built from scratch and refreshed in this process. */
export function searchIndexStats(): { builds: number; refreshes: number } {
  return { ...cache.stats }
}

function build<State>(source: LiveIndexSource<State>): Promise<LiveIndex<State>> {
  cache.stats.builds += 1
  return source.build()
}

/**
 * Marks the live index out of date: the next search first applies what changed since it was
 * made (the documents a change touched, not a rebuild).
 */
export function invalidateSearchIndex(): void {
  cache.generation += 1
}

/** Installs `live` as the cache entry; a failure puts `fallback` back (to be refreshed again). */
function install(live: Promise<LiveIndex>, entry: Omit<Entry, 'live'>, fallback: Entry | null) {
  const installed: Entry = { ...entry, live }
  cache.entry = installed
  live.catch(() => {
    if (cache.entry === installed) cache.entry = fallback && { ...fallback, fingerprint: '' }
  })
  return installed
}

function rebuildInBackground<State>(source: LiveIndexSource<State>): void {
  if (cache.rebuilding) return
  cache.rebuilding = true
  const generation = cache.generation
  const builtAt = Date.now()
  void source
    .fingerprint()
    .then(async (fingerprint) => {
      const live = await build(source)
      // Whatever changed during the build is applied to it on the next search: its generation
      // and fingerprint are those from before.
      install(Promise.resolve(live), { builtAt, generation, fingerprint }, null)
    })
    .catch(() => undefined)
    .finally(() => {
      cache.rebuilding = false
    })
}

/**
 * The live index, built when there is none and refreshed when an invalidation or a different
 * fingerprint (which also catches a change whose invalidation ran before its transaction
 * committed, and changes made on other server instances) says the content has moved on.
 * Concurrent callers share one build or refresh; refreshes run one after the other.
 */
export async function cachedIndex<State>(source: LiveIndexSource<State>): Promise<SearchIndex> {
  const now = await source.fingerprint()
  const entry = cache.entry
  const generation = cache.generation
  if (!entry) {
    return (
      await install(build(source), { builtAt: Date.now(), generation, fingerprint: now }, null).live
    ).index
  }
  if (entry.generation === generation && entry.fingerprint === now) {
    if (Date.now() - entry.builtAt > FULL_REBUILD_MS) rebuildInBackground(source)
    return (await entry.live).index
  }
  let rebuilt = false
  const refreshed = entry.live.then(
    async (current) => {
      const next = await source.refresh(current as LiveIndex<State>, now)
      if (next) {
        cache.stats.refreshes += 1
        return next
      }
      rebuilt = true
      return build(source)
    },
    // The entry's own build failed: start again.
    () => {
      rebuilt = true
      return build(source)
    },
  )
  const started = Date.now()
  const installed = install(refreshed, { ...entry, generation, fingerprint: now }, entry)
  const { index } = await installed.live
  if (rebuilt) installed.builtAt = Math.max(installed.builtAt, started)
  return index
}
