import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fileFor } from '@/lib/staticSite/files'
import type { Manifest } from '@/lib/staticSite/manifest'
import { siteTarget } from '@/lib/staticSite/render'
import { publishPaths } from '@/lib/staticSite/site'

/**
 * A portal of a few pages whose answers the test controls. A page's text is read when its request
 * arrives (as a render reads the database first); its answer can be held back, request by request.
 */
const text = new Map<string, string>([
  ['/', '<a href="/scripts/a">甲</a><a href="/scripts/b">乙</a><a href="/scripts/c">丙</a>'],
  ['/scripts/a', '宣讲稿甲'],
  ['/scripts/b', '宣讲稿乙（第一版）'],
  ['/scripts/c', '宣讲稿丙'],
])
const holds = new Map<string, Promise<void>[]>()
const arrived: string[] = []

let server: Server
let origin = ''
const root = mkdtempSync(join(tmpdir(), 'practice-hub-join-'))

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    arrived.push(path)
    const body = text.get(path)
    void (async () => {
      await holds.get(path)?.shift()
      if (path === '/api/globals/site') {
        response.setHeader('Content-Type', 'application/json')
        response.end('{"embedOrigins":[]}')
        return
      }
      response.statusCode = body === undefined ? 404 : 200
      response.setHeader('Content-Type', 'text/html; charset=utf-8')
      response.end(`<!doctype html><html lang="zh-CN"><body>${body ?? '没有找到'}</body></html>`)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => {
  server.close()
  rmSync(root, { recursive: true, force: true })
})

const target = () =>
  siteTarget({ origin, siteUrl: 'https://lanchuan.example', publicUrl: 'https://lanchuan.example' })
const published = (source: string) => readFileSync(fileFor(root, `${source}/index.html`), 'utf8')
const pagesArrived = () => arrived.filter((path) => !/^\/(api|__export-404__)/.test(path))

/** Holds the next request for `path` until the returned function is called. */
function hold(path: string): () => void {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  holds.set(path, [...(holds.get(path) ?? []), held])
  return release
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('等待超时')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('a change that arrives while the static site is being written', () => {
  it('is rendered next, ahead of the waiting pages, and the render it overtook is not saved', async () => {
    await publishPaths({ root, target: target(), search: false }, 'all')
    expect(published('/scripts/b')).toContain('第一版')

    const releaseStale = hold('/scripts/b')
    const releaseFresh = hold('/scripts/b')
    const releaseA = hold('/scripts/a')
    let offer: string[] = []
    const offered: Manifest[] = []
    arrived.length = 0
    const run = publishPaths(
      {
        root,
        target: target(),
        search: false,
        concurrency: 2,
        more: async (manifest) => {
          if (offer.length === 0) return []
          offered.push(manifest)
          const sources = offer
          offer = []
          return sources
        },
      },
      ['/scripts/b', '/scripts/a', '/scripts/c', '/'],
    )
    // Both workers are busy: one renders `/scripts/b` from its first version, one `/scripts/a`.
    await until(() => pagesArrived().length === 2)
    // The second version is committed and its change joins the run.
    text.set('/scripts/b', '宣讲稿乙（第二版）')
    offer = ['/scripts/b']
    releaseA()
    // Next is the new version, ahead of `/scripts/c` and `/`, which were waiting.
    await until(() => pagesArrived().length === 3)
    expect(pagesArrived()).toEqual(['/scripts/b', '/scripts/a', '/scripts/b'])
    releaseFresh()
    await until(() => pagesArrived().includes('/'))
    // The render begun before the change ends last; it must not overwrite the new version.
    releaseStale()
    const result = await run

    expect(Object.keys(offered[0]?.files ?? {})).toContain('/scripts/b/')
    expect(pagesArrived()).toEqual(['/scripts/b', '/scripts/a', '/scripts/b', '/scripts/c', '/'])
    expect(published('/scripts/b')).toContain('第二版')
    expect(published('/scripts/b')).not.toContain('第一版')
    expect(result.written).toContain('/scripts/b/')
  })
})
