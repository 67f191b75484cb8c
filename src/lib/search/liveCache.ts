import type { SearchIndex } from './engine'

/** Rebuild at least this often, so publishes made on other server instances show up too. */
const MAX_AGE_MS = 5 * 60 * 1000

type Cache = {
  /** Bumped by every invalidation; an index built under an older generation is never used. */
  generation: number
  entry: {
    index: Promise<SearchIndex>
    builtAt: number
    generation: number
    fingerprint: string
  } | null
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

/**
 * The cached live index, built by `build` when missing, stale, invalidated meanwhile, or built
 * from other content than `fingerprint` now describes (a cheap summary of what is published:
 * it catches a change whose invalidation ran before its transaction committed, and changes made
 * on other server instances).
 */
export async function cachedIndex(
  build: () => Promise<SearchIndex>,
  fingerprint: () => Promise<string> = async () => '',
): Promise<SearchIndex> {
  const current = await fingerprint()
  const entry = cache.entry
  if (
    !entry ||
    entry.generation !== cache.generation ||
    entry.fingerprint !== current ||
    Date.now() - entry.builtAt > MAX_AGE_MS
  ) {
    const generation = cache.generation
    const index = build()
    cache.entry = { index, builtAt: Date.now(), generation, fingerprint: current }
    index.catch(() => {
      if (cache.entry?.index === index) cache.entry = null
    })
    return index
  }
  return entry.index
}
