import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { readManifest } from '@/lib/staticSite/manifest'
import { siteTarget } from '@/lib/staticSite/render'
import { publishPaths } from '@/lib/staticSite/site'

/**
 * A portal of one script, withdrawn while a crawl is under way: the script's page was rendered
 * (it links to its Word file), then the editor withdrew it, so the Word file and the page answer
 * 404 and the home page no longer lists it. `brokenForEver` keeps the page's link to a file that
 * never existed (a bug in the portal), whatever happens.
 */
function portal(options: { brokenForEver?: boolean; republished?: boolean } = {}) {
  let withdrawn = false
  let wordRequests = 0
  const requests: string[] = []
  const html = (body: string) => `<!doctype html><html lang="zh-CN"><body>${body}</body></html>`
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    requests.push(url)
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type })
      response.end(body)
    }
    if (url === '/api/globals/site?depth=0') return send(200, 'application/json', '{}')
    if (url === '/') {
      const card = withdrawn ? '' : '<a href="/scripts/x">岚川新风</a>'
      return send(200, 'text/html; charset=utf-8', html(`<h1>岚川县</h1>${card}`))
    }
    if (url === '/scripts/x' && !withdrawn) {
      const extra = options.brokenForEver ? '<a href="/scripts/x/missing.pdf">附件</a>' : ''
      return send(
        200,
        'text/html; charset=utf-8',
        html(`<h1>岚川新风</h1><a href="/scripts/x/script.docx">下载 Word</a>${extra}`),
      )
    }
    if (url === '/scripts/x/script.docx') {
      wordRequests += 1
      // Republished: the Word file asked for a second time is there again.
      if (options.republished && wordRequests > 1) {
        return send(200, 'application/octet-stream', 'PK 岚川新风')
      }
      withdrawn = !options.brokenForEver && wordRequests === 1
      if (options.republished && wordRequests === 1) setImmediate(() => (withdrawn = false))
    }
    return send(404, 'text/html; charset=utf-8', html('<h1>没有找到这个页面</h1>'))
  })
  return { server, requests }
}

let server: Server | null = null
let root: string | null = null

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null))
  if (root) await rm(root, { recursive: true, force: true })
  server = null
  root = null
})

async function publish(fake: ReturnType<typeof portal>) {
  server = fake.server
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve))
  const address = fake.server.address() as { port: number }
  const origin = `http://127.0.0.1:${address.port}`
  root = await mkdtemp(path.join(tmpdir(), 'practice-hub-repair-'))
  const result = await publishPaths(
    { target: siteTarget({ origin, siteUrl: origin }), root, search: false, concurrency: 1 },
    'all',
  )
  return { result, root, manifest: await readManifest(root, '') }
}

describe('a withdrawal while the static site is being written', () => {
  it('renders the pages that link to what went away again: the run ends without a broken link', async () => {
    const fake = portal()
    const { result, root, manifest } = await publish(fake)

    expect(result.broken).toEqual([])
    expect(Object.keys(manifest?.files ?? {})).not.toContain('/scripts/x/')
    expect(result.removed).toContain('/scripts/x/')
    const home = await readFile(path.join(root, 'index.html'), 'utf8')
    expect(home).toContain('岚川县')
    expect(home).not.toContain('/scripts/x')
    // The script's page once more (now 404), then the home page once more (no card).
    expect(fake.requests.filter((url) => url === '/scripts/x')).toHaveLength(2)
    expect(fake.requests.filter((url) => url === '/')).toHaveLength(2)
  })

  it('keeps a page withdrawn and republished while it ran, with its Word file', async () => {
    const fake = portal({ republished: true })
    const { result, manifest } = await publish(fake)

    expect(result.broken).toEqual([])
    expect(Object.keys(manifest?.files ?? {})).toEqual(
      expect.arrayContaining(['/', '/scripts/x/', '/scripts/x/script.docx']),
    )
    expect(fake.requests.filter((url) => url === '/scripts/x/script.docx')).toHaveLength(2)
  })

  it('reports a link the portal keeps broken, after rendering its page again only once', async () => {
    const fake = portal({ brokenForEver: true })
    const { result } = await publish(fake)

    expect(result.broken.map(({ target, page }) => `${target} ← ${page}`).sort()).toEqual([
      '/scripts/x/missing.pdf ← /scripts/x/',
      '/scripts/x/script.docx ← /scripts/x/',
    ])
    expect(result.broken.map((link) => link.text).sort()).toEqual(['下载 Word', '附件'])
    expect(fake.requests.filter((url) => url === '/scripts/x')).toHaveLength(2)
  })
})
