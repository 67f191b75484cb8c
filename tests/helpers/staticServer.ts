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
/** URLs that feeds and JSON name as text: RSS `<link>`/`<guid>`, Atom `<id>`, JSON `"url"`/`"id"`. */
const XML_TEXT_URL = /<(?:link|guid|id)(?:\s[^>]*)?>\s*((?:https?:\/\/|\/)[^<\s]+)\s*<\//g
const JSON_URL = /"(?:[a-z_]*url|id)"\s*:\s*"((?:https?:\/\/|\/)[^"]+)"/g

export type CrawlOptions = {
  /** Whether to fetch an internal URL found on the page `from` (start URLs are always fetched). */
  follow?: (url: URL, from: string) => boolean
  /** Requests in flight at once. @default 8 */
  concurrency?: number
  /** Keep the body of every text response (pages, CSS, XML, JSON) in `texts`. */
  keepText?: boolean
  /** Also follow URLs that feeds and JSON documents name as text, not as attributes. */
  dataLinks?: boolean
}

export type CrawlResult = {
  ok: string[]
  /** `<status> <url>` of every URL that did not answer 2xx. */
  broken: string[]
  /** Every internal URL found as a link, with the pages that link to it (in crawl order). */
  linkedFrom: Map<string, string[]>
  /** Text bodies by URL, with `keepText`. */
  texts: Map<string, string>
}

/**
 * GET, retried once when the connection itself failed (a keep-alive socket the server closed just
 * then): no response was received, so the retry is still the first reading of the URL.
 */
export async function getOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch {
    return fetch(url, init)
  }
}

/** Every internal URL of a site, crawled from start URLs: pages, assets, files, sitemaps. */
export async function crawl(starts: string[], options: CrawlOptions = {}): Promise<CrawlResult> {
  const origin = new URL(starts[0]).origin
  const seen = new Set<string>(starts)
  const queue = [...starts]
  const ok: string[] = []
  const broken: string[] = []
  const linkedFrom = new Map<string, string[]>()
  const texts = new Map<string, string>()
  while (queue.length > 0) {
    const batch = queue.splice(0, options.concurrency ?? 8)
    await Promise.all(
      batch.map(async (url) => {
        const response = await getOnce(url)
        if (!response.ok) {
          await response.body?.cancel()
          broken.push(`${response.status} ${url}`)
          return
        }
        ok.push(url)
        const type = response.headers.get('content-type') ?? ''
        const kinds = ['html', 'css', 'xml', 'text/plain', ...(options.keepText ? ['json'] : [])]
        if (!kinds.some((t) => type.includes(t))) {
          await response.body?.cancel()
          return
        }
        const body = await response.text()
        if (options.keepText) texts.set(url, body)
        const text = body.replace(/&amp;/g, '&')
        const found: string[] = []
        for (const match of text.matchAll(/^Sitemap:\s*(\S+)/gim)) found.push(match[1])
        for (const match of text.matchAll(LINK)) {
          if (/srcset/i.test(match[0])) {
            for (const part of match[1].split(',')) found.push(part.trim().split(/\s+/)[0])
          } else found.push(match[1])
        }
        for (const match of text.matchAll(CSS_URL)) found.push(match[2])
        for (const match of text.matchAll(/<loc>([^<]+)<\/loc>/g)) found.push(match[1])
        if (options.dataLinks) {
          if (type.includes('xml'))
            for (const match of text.matchAll(XML_TEXT_URL)) found.push(match[1])
          if (type.includes('json'))
            for (const match of text.matchAll(JSON_URL)) found.push(match[1])
        }
        for (const raw of found) {
          if (!raw || raw.startsWith('data:') || raw.startsWith('#')) continue
          let next: URL
          try {
            next = new URL(raw, url)
          } catch {
            continue
          }
          next.hash = ''
          if (next.origin !== origin) continue
          const from = linkedFrom.get(next.href)
          if (from) {
            if (!from.includes(url)) from.push(url)
          } else linkedFrom.set(next.href, [url])
          if (!seen.has(next.href) && (options.follow?.(next, url) ?? true)) {
            seen.add(next.href)
            queue.push(next.href)
          }
        }
      }),
    )
  }
  return { ok, broken, linkedFrom, texts }
}

/** A crawl's broken URLs with the pages linking to them: `404 /a ← /b, /c`, paths only. */
export function brokenWithReferrers(result: CrawlResult, shown = 4): string[] {
  const local = (url: string) => {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  }
  return result.broken.map((entry) => {
    const [status, url] = entry.split(' ')
    const from = result.linkedFrom.get(url) ?? []
    const list = from.slice(0, shown).map(local).join(', ')
    const more = from.length > shown ? ` …(+${from.length - shown})` : ''
    return `${status} ${local(url)} ← ${from.length > 0 ? list + more : '(start URL)'}`
  })
}
