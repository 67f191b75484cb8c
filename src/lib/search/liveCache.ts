import type { SearchIndex } from './engine'

/** Rebuild at least this often, so publishes made on other server instances show up too. */
const MAX_AGE_MS = 5 * 60 * 1000

type Cache = {
  /** Bumped by every invalidation; an index built under an older generation is never used. */
  generation: number
  entry: { index: Promise<SearchIndex>; builtAt: number; generation: number } | null
}

// On globalThis: Next.js may load this module once per route bundle (the REST route that
// publishes and the search page that reads), and they must share one cache and one invalidation.
const KEY = Symbol.for('practice-hub.search-index')
const cache = ((globalThis as Record<symbol, Cache | undefined>)[KEY] ??= {
  generation: 0,
  entry: null,
})

/** Drops the live index; the next search rebuilds it from published content. */
export function invalidateSearchIndex(): void {
  cache.generation += 1
  cache.entry = null
}

/** The cached live index, built by `build` when missing, stale or invalidated meanwhile. */
export function cachedIndex(build: () => Promise<SearchIndex>): Promise<SearchIndex> {
  const entry = cache.entry
  if (!entry || entry.generation !== cache.generation || Date.now() - entry.builtAt > MAX_AGE_MS) {
    const generation = cache.generation
    const index = build()
    cache.entry = { index, builtAt: Date.now(), generation }
    index.catch(() => {
      if (cache.entry?.index === index) cache.entry = null
    })
    return index
  }
  return entry.index
}
