import type { SearchIndex } from './engine'

/** Rebuild at least this often, so publishes made on other server instances show up too. */
const MAX_AGE_MS = 5 * 60 * 1000

let cached: { index: Promise<SearchIndex>; builtAt: number } | null = null

/** Drops the live index; the next search rebuilds it from published content. */
export function invalidateSearchIndex(): void {
  cached = null
}

/** The cached live index, built by `build` when missing or stale. */
export function cachedIndex(build: () => Promise<SearchIndex>): Promise<SearchIndex> {
  if (!cached || Date.now() - cached.builtAt > MAX_AGE_MS) {
    const index = build()
    cached = { index, builtAt: Date.now() }
    index.catch(() => {
      cached = null
    })
  }
  return cached.index
}
