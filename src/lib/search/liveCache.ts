import type { SearchIndex } from './engine'

/**
 * How often a refresh also compares every document the index holds with the database (ids and
 * change times: a light read), so that a change the quick refresh missed is repaired without a
 * rebuild, which blocks the server for seconds at 10,000 documents.
 */
const THOROUGH_EVERY_MS = 10 * 60 * 1000

/**
 * An index and what its source needs to bring it up to date later; after a refresh, how many
 * documents it read again.
 */
export type LiveIndex<State = unknown> = { index: SearchIndex; state: State; reread?: number }

export type LiveIndexSource<State> = {
  /** A cheap summary of the published content: when it differs, the index is refreshed. */
  fingerprint(): Promise<string>
  /** The index of every published document, from scratch; `now` is the fingerprint read just before. */
  build(now: string): Promise<LiveIndex<State>>
  /**
   * `current` brought up to date with what changed since it was made, or null when only a full
   * build will do. `now` is the fingerprint read just before (the content read is at least as
   * new); `thorough` asks to compare every document rather than look for recent changes.
   */
  refresh(
    current: LiveIndex<State>,
    now: string,
    thorough: boolean,
  ): Promise<LiveIndex<State> | null>
}

type Entry = {
  live: Promise<LiveIndex>
  /** When the index was last built or thoroughly refreshed. */
  checkedAt: number
  generation: number
  fingerprint: string
}

type Cache = {
  /** Bumped by every invalidation: an entry of an older generation is refreshed before use. */
  generation: number
  entry: Entry | null
  /** Full builds, refreshes and documents refreshes read again, so far (tests, benchmarks). */
  stats: Stats
}

type Stats = { builds: number; refreshes: number; reread: number }

// On globalThis: Next.js may load this module once per route bundle (the REST route that
// publishes and the search page that reads), and they must share one cache and one invalidation.
const KEY = Symbol.for('practice-hub.search-index')
const cache = ((globalThis as Record<symbol, Cache | undefined>)[KEY] ??= {
  generation: 0,
  entry: null,
  stats: { builds: 0, refreshes: 0, reread: 0 },
})

/** How often the live index was built from scratch and refreshed in this process. */
export function searchIndexStats(): Stats {
  return { ...cache.stats }
}

function build<State>(source: LiveIndexSource<State>, now: string): Promise<LiveIndex<State>> {
  cache.stats.builds += 1
  return source.build(now)
}

/**
 * Marks the live index out of date: the next search first applies what changed since it was
 * made (the documents a change touched, not a rebuild). `thorough`: compare every document, for
 * changes made around the hooks (a database edited directly, a restore).
 */
export function invalidateSearchIndex({ thorough = false }: { thorough?: boolean } = {}): void {
  cache.generation += 1
  if (thorough && cache.entry) cache.entry.checkedAt = 0
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

/**
 * The live index, built when there is none and refreshed when an invalidation or a different
 * fingerprint (which also catches a change whose invalidation ran before its transaction
 * committed, and changes made on other server instances) says the content has moved on, and
 * thoroughly every `THOROUGH_EVERY_MS`. Concurrent callers share one build or refresh; refreshes
 * run one after the other.
 */
export async function cachedIndex<State>(source: LiveIndexSource<State>): Promise<SearchIndex> {
  const now = await source.fingerprint()
  const entry = cache.entry
  const generation = cache.generation
  const started = Date.now()
  if (!entry) {
    const built = install(
      build(source, now),
      { checkedAt: started, generation, fingerprint: now },
      null,
    )
    return (await built.live).index
  }
  const thorough = started - entry.checkedAt > THOROUGH_EVERY_MS
  if (entry.generation === generation && entry.fingerprint === now && !thorough) {
    return (await entry.live).index
  }
  const refreshed = entry.live.then(
    async (current) => {
      const next = await source.refresh(current as LiveIndex<State>, now, thorough)
      if (next) {
        cache.stats.refreshes += 1
        cache.stats.reread += next.reread ?? 0
        return next
      }
      return build(source, now)
    },
    // The entry's own build failed: start again.
    () => build(source, now),
  )
  const checkedAt = thorough ? started : entry.checkedAt
  const installed = install(refreshed, { checkedAt, generation, fingerprint: now }, entry)
  return (await installed.live).index
}
