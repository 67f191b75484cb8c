import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import { contentTypeOf } from '../../src/lib/contentTypes'

/**
 * A plain static file server, as a media center's nginx would be: files by path, `index.html`
 * for folders (redirecting to the trailing slash), `404.html` otherwise. No Node logic of the app.
 */
export async function serveStatic(
  root: string,
  basePath = '',
): Promise<{ origin: string; close: () => Promise<void> }> {
  const send = async (res: import('node:http').ServerResponse, file: string, status = 200) => {
    res.writeHead(status, {
      'Content-Type': contentTypeOf(file),
    })
    createReadStream(file).pipe(res)
  }
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const pathname = decodeURIComponent(url.pathname)
    const notFound = () => send(res, path.join(root, '404.html'), 404)
    if (!pathname.startsWith(`${basePath}/`) || pathname.includes('..')) return notFound()
    const file = path.join(root, pathname.slice(basePath.length))
    const info = await stat(file).catch(() => null)
    if (info?.isFile()) return send(res, file)
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` })
        return res.end()
      }
      const index = path.join(file, 'index.html')
      if (await stat(index).catch(() => null)) return send(res, index)
    }
    return notFound()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

const LINK = /\s(?:href|src|poster|srcset|imagesrcset)="([^"]*)"/gi
const CSS_URL = /url\((['"]?)([^'")]+)\1\)/g

/** Every internal URL of a site, crawled from start URLs: pages, assets, files, sitemaps. */
export async function crawl(starts: string[]): Promise<{ ok: string[]; broken: string[] }> {
  const origin = new URL(starts[0]).origin
  const seen = new Set<string>(starts)
  const queue = [...starts]
  const ok: string[] = []
  const broken: string[] = []
  while (queue.length > 0) {
    const batch = queue.splice(0, 8)
    await Promise.all(
      batch.map(async (url) => {
        const response = await fetch(url)
        if (!response.ok) {
          broken.push(`${response.status} ${url}`)
          return
        }
        ok.push(url)
        const type = response.headers.get('content-type') ?? ''
        const isText = ['html', 'css', 'xml', 'text/plain'].some((t) => type.includes(t))
        if (!isText) return
        const text = (await response.text()).replace(/&amp;/g, '&')
        const found: string[] = []
        for (const match of text.matchAll(/^Sitemap:\s*(\S+)/gim)) found.push(match[1])
        for (const match of text.matchAll(LINK)) {
          if (/srcset/i.test(match[0])) {
            for (const part of match[1].split(',')) found.push(part.trim().split(/\s+/)[0])
          } else found.push(match[1])
        }
        for (const match of text.matchAll(CSS_URL)) found.push(match[2])
        for (const match of text.matchAll(/<loc>([^<]+)<\/loc>/g)) found.push(match[1])
        for (const raw of found) {
          if (!raw || raw.startsWith('data:') || raw.startsWith('#')) continue
          const next = new URL(raw, url)
          next.hash = ''
          if (next.origin !== origin) continue
          if (!seen.has(next.href)) {
            seen.add(next.href)
            queue.push(next.href)
          }
        }
      }),
    )
  }
  return { ok, broken }
}
