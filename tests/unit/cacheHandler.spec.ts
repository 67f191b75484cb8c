import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { nodeFs } from 'next/dist/server/lib/node-fs-methods.js'
import { afterAll, describe, expect, it } from 'vitest'

import CspCacheHandler from '@/lib/cache/cspCacheHandler.mjs'

const dist = mkdtempSync(join(tmpdir(), 'practice-hub-cache-'))
afterAll(() => rmSync(dist, { recursive: true, force: true }))

/** The parts of Next.js's cache handler interface used here (the .mjs class carries no types). */
type Handler = {
  get(
    key: string,
    ctx: object,
  ): Promise<{ value?: { kind: string; headers: Record<string, string> } } | null>
  set(key: string, data: object, ctx: object): Promise<void>
}
const handler = new (CspCacheHandler as unknown as new (ctx: object) => Handler)({
  fs: nodeFs,
  flushToDisk: true,
  serverDistDir: dist,
  maxMemoryCacheSize: 8 * 1024 * 1024,
  revalidatedTags: [],
})

/** A rendered page as Next.js hands it to the cache. */
const page = (text: string) => ({
  kind: 'APP_PAGE',
  html: `<html><body><p>${text}</p><script>self.__next_f.push([1,"${text}"])</script></body></html>`,
  rscData: Buffer.from(text),
  headers: { 'x-next-cache-tags': '_N_T_/layout,x:all' },
  status: 200,
  postponed: undefined,
  segmentData: undefined,
})

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dist.length))
    : []

const ctx = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false }

describe('the page cache handler', () => {
  it('keeps search pages in memory only, list pages on disk too, both with their script hashes', async () => {
    const route = (path: string) => `/route-cache/APP_PAGE/0123abcd/$${path}`
    const search = route(`/lists/search/q=${'%E5%BD%A9'.repeat(100)}`)
    const list = route('/lists/scripts/all')
    for (const key of [search, list]) {
      expect(await handler.get(key, ctx)).toBeNull()
      await handler.set(key, page(key.length > 200 ? '彩礼' : '列表'), {
        ...ctx,
        cacheControl: { revalidate: false },
      })
      const entry = await handler.get(key, ctx)
      expect(entry?.value?.kind, key).toBe('APP_PAGE')
      expect(entry?.value?.headers['content-security-policy'], key).toMatch(
        /^script-src 'self' 'sha256-[^']+'$/,
      )
    }
    // A query of any length: nothing written, no "name too long" on the way.
    const written = files(join(dist, 'route-cache'))
    expect(written.some((file) => file.includes('/lists/scripts/all.html'))).toBe(true)
    expect(written.filter((file) => file.includes('/lists/search/'))).toEqual([])
  })
})

describe('its installation', () => {
  it('is the process-wide handler Next.js takes, not a path it imports on every request', async () => {
    const { default: nextConfig } = await import('../../next.config.mjs')
    const installed = (globalThis as Record<symbol, { FetchCache?: unknown } | undefined>)[
      Symbol.for('@next/cache-handlers')
    ]
    expect(installed?.FetchCache).toBe(CspCacheHandler)
    expect(nextConfig).not.toHaveProperty('cacheHandler')
  })
})
