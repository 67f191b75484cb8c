// Next.js's file-system cache for rendered pages, plus two things.
//
// 1. Every cached HTML page carries a Content-Security-Policy whose `script-src` lists the SHA-256 of each of its inline scripts.
// Next.js inlines each page's render data as <script>self.__next_f.push(…)</script>; their hashes
// are known only once the page is rendered, so they are computed here, where the HTML is stored
// (`set`) and read back (`get`, for pages prerendered by `next build`). Next.js sends the headers
// of a cache entry with the page, on the first render as on every hit. The proxy adds the policy
// for everything else (src/lib/csp.ts); browsers enforce both.
//
// 2. A page counts as written when its render started, not when it ended. Next.js compares a tag's
// expiry with the time the entry was stored, so a render that read the database before a change
// and finished after the change's expiry was kept as fresh: a deleted script could stay listed in a
// widget until the next change. The render starts when the lookup misses (`get` returns nothing),
// so that time is remembered per key and becomes the stored entry's `lastModified`.
//
// 3. Search pages (`/lists/search/…`, SEARCH_CACHE_PREFIX in src/lib/listCache.ts) are kept in
// memory only, in Next.js's size-bounded page cache: readers can type any query, and each on disk
// would stay there. Evicted or after a restart, a search is simply rendered again.
// Plain JavaScript: next.config.mjs imports it and installs it as the process's cache handler.
import { createHash } from 'node:crypto'

import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

const FileSystemCache = fileSystemCache.default ?? fileSystemCache

const HEADER = 'content-security-policy'
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
const EXECUTABLE_TYPE = /^(?:|text\/javascript|application\/javascript|module)$/i

/** The `'sha256-…'` sources of a document's inline scripts that a browser would run. */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const [, attributes, source] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? ''
    if (!EXECUTABLE_TYPE.test(type)) continue
    hashes.add(`'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`)
  }
  return [...hashes]
}

/**
 * Adds the script policy to a cached page's headers, in place: Next.js sends this object. `set`
 * always recomputes it (new HTML); `get` only fills it in where it is missing.
 */
function withScriptPolicy(value, recompute) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string' || !value.html) return value
  value.headers ??= {}
  if (!recompute && value.headers[HEADER]) return value
  value.headers[HEADER] = ["script-src 'self'", ...inlineScriptHashes(value.html)].join(' ')
  return value
}

/** Cache key → when the earliest render still to be stored for it started (its lookup missed). */
const rendersSince = new Map()
/** Keys whose lookups missed but that were never stored (a render that failed) do not pile up. */
const MAX_PENDING = 10_000
const RENDERED_KINDS = new Set(['APP_PAGE', 'APP_ROUTE'])
// Keys look like `/route-cache/APP_PAGE/<route hash>/$/lists/search/q=…` (or the bare path).
const MEMORY_ONLY = /(?:^|\/\$)\/lists\/search\//

export default class CspCacheHandler extends FileSystemCache {
  async get(...args) {
    const lookedUp = Date.now()
    const entry = await super.get(...args)
    if (entry?.value) withScriptPolicy(entry.value, false)
    else if (RENDERED_KINDS.has(args[1]?.kind) && !rendersSince.has(args[0])) {
      if (rendersSince.size >= MAX_PENDING) rendersSince.delete(rendersSince.keys().next().value)
      rendersSince.set(args[0], lookedUp)
    }
    return entry
  }

  async set(key, data, ctx) {
    const started = rendersSince.get(key)
    rendersSince.delete(key)
    const value = withScriptPolicy(data, true)
    if (MEMORY_ONLY.test(key) && value) {
      // What the parent's `set` keeps in memory, without its files.
      FileSystemCache.memoryCache?.set(key, {
        value,
        lastModified: started ?? Date.now(),
        cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
      })
      return
    }
    await super.set(key, value, ctx)
    const stored = FileSystemCache.memoryCache?.get(key)
    if (started !== undefined && stored?.value === data) stored.lastModified = started
  }
}
