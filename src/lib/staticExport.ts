import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { nginxSnippet, staticHostHeaders } from './framing'
import { RESOURCE_KINDS } from './kinds'
import { writeExportSearch } from './search/static/exportSearch'

export type ExportProgress = { done: number; queued: number; path: string }

export type ExportOptions = {
  /** Where a production build of the portal is running, e.g. http://127.0.0.1:4123 */
  origin: string
  /** The folder to (re)place; built next to it in a temporary folder, then swapped in. */
  outDir: string
  /** Path prefix the export is served under, e.g. `/portal`; empty for the site root. */
  basePath?: string
  /** The public base URL in the pages (SITE_URL); absolute links to it are treated as internal. */
  siteUrl?: string
  /** Where the export will be served (origin); absolute links are pointed there. Default: siteUrl. */
  publicUrl?: string
  concurrency?: number
  onProgress?: (progress: ExportProgress) => void
  /** Write the static search index and script. @default true */
  search?: boolean
}

export type ExportResult = { files: number; pages: number; bytes: number; outDir: string }

/** Paths never exported: the admin, the API (except uploaded files) and Next's data requests. */
function isExportable(pathname: string): boolean {
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return false
  if (pathname.startsWith('/api/'))
    return /^\/api\/(media|files|video-files)\/file\//.test(pathname)
  return true
}

const LIST_PAGE = new RegExp(`^/(${RESOURCE_KINDS.join('|')})$`)

/** A normalized base path: empty, or `/segment(s)` without a trailing slash. */
export function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').trim().replace(/^\/+|\/+$/g, '')
  if (!trimmed) return ''
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) throw new Error(`导出路径前缀不合法：${basePath}`)
  return `/${trimmed}`
}

/**
 * Where a URL of the running portal lives in the export, as a URL path (without base path), or
 * null when it is not exported. Pages become folders with an `index.html` so any static server
 * finds them; list pagination (`/scripts?page=2`) becomes `/scripts/page/2/`. Other queries
 * (filters) need a server and are not exported.
 */
export function exportedPath(url: URL): string | null {
  const pathname = decodeURIComponent(url.pathname)
  if (!isExportable(pathname) || pathname.includes('..')) return null
  const keys = [...url.searchParams.keys()]
  if (keys.length > 0) {
    const page = url.searchParams.get('page')
    if (keys.length === 1 && page && /^\d+$/.test(page) && LIST_PAGE.test(pathname)) {
      return Number(page) > 1 ? `${pathname}/page/${page}/` : `${pathname}/`
    }
    // Cache-busting queries on assets are harmless; anything else is a filter.
    if (!/\.[a-z0-9]+$/i.test(pathname)) return null
  }
  if (pathname === '/') return '/'
  if (/\.[a-z0-9]+$/i.test(pathname.split('/').pop() ?? '')) return pathname
  return `${pathname.replace(/\/+$/, '')}/`
}

/** The file for an exported URL path. */
function fileFor(root: string, exported: string): string {
  const relative = exported.endsWith('/') ? `${exported}index.html` : exported
  const file = path.join(root, relative)
  if (!file.startsWith(root + path.sep)) throw new Error(`导出路径越界：${exported}`)
  return file
}

const ATTR_URL = /(\s(?:href|src|poster|action|content|data-src)=)"([^"]*)"/gi
const SRCSET = /(\s(?:srcset|imagesrcset)=)"([^"]*)"/gi
const CSS_URL = /url\((['"]?)([^'")]+)\1\)/g
const SITEMAP_LOC = /<loc>([^<]+)<\/loc>/g

type Rewriter = (raw: string) => string | null

/** Rewrites internal links of an HTML, CSS or XML text, collecting the URLs they point to. */
function rewriteText(kind: 'html' | 'css' | 'xml' | 'text', text: string, link: Rewriter): string {
  if (kind === 'css')
    return text.replace(CSS_URL, (all, q, url) => `url(${q}${link(url) ?? url}${q})`)
  if (kind === 'xml')
    return text.replace(SITEMAP_LOC, (all, url) => `<loc>${link(url) ?? url}</loc>`)
  if (kind === 'text') {
    return text.replace(
      /^(Sitemap|Host):\s*(\S+)$/gim,
      (all, key, url) => `${key}: ${link(url) ?? url}`,
    )
  }
  return (
    text
      .replace(
        ATTR_URL,
        (all, attr, url) =>
          `${attr}"${link(url.replace(/&amp;/g, '&'))?.replace(/&/g, '&amp;') ?? url}"`,
      )
      .replace(SRCSET, (all, attr, value: string) => {
        const parts = value.split(',').map((part) => {
          const [url, ...rest] = part.trim().split(/\s+/)
          return [link(url) ?? url, ...rest].join(' ')
        })
        return `${attr}"${parts.join(', ')}"`
      })
      .replace(/<style[^>]*>[\s\S]*?<\/style>/g, (css) => rewriteText('css', css, link))
      // The static copy has no server to filter lists, so server-only forms and links go.
      .replace(/<(aside|nav|form)\s[^>]*data-export="omit"[\s\S]*?<\/\1>/g, '')
      .replace(/<a\s[^>]*data-export="omit"[\s\S]*?<\/a>/g, '')
  )
}

function kindOf(
  contentType: string,
  pathname: string,
): 'html' | 'css' | 'xml' | 'text' | 'js' | 'json' | 'binary' {
  if (contentType.includes('text/html')) return 'html'
  if (contentType.includes('application/json') && pathname.startsWith('/oembed/')) return 'json'
  if (contentType.includes('text/css')) return 'css'
  if (contentType.includes('javascript')) return 'js'
  if (pathname.endsWith('.xml')) return 'xml'
  if (pathname === '/robots.txt') return 'text'
  return 'binary'
}

/**
 * The export is plain HTML and CSS: Next's client runtime expects to own the URL space it was built
 * for and cannot hydrate under another base path, and the pages need no framework. The one
 * interactive bit, the script page's reading tools, gets this small script instead.
 */
export const READING_TOOLS_JS = `(function () {
  var KEY = 'ph-large-type'
  var root = document.documentElement
  var large = document.querySelector('[data-reading-tool="large"]')
  var print = document.querySelector('[data-reading-tool="print"]')
  function set(on) {
    root.classList.toggle('large-type', on)
    try { localStorage.setItem(KEY, on ? '1' : '0') } catch (e) {}
    if (large) {
      large.setAttribute('aria-pressed', String(on))
      large.textContent = on ? '标准字号' : '大字阅读'
    }
  }
  var saved = false
  try { saved = localStorage.getItem(KEY) === '1' } catch (e) {}
  set(saved)
  if (large) large.addEventListener('click', function () { set(!root.classList.contains('large-type')) })
  if (print) print.addEventListener('click', function () { window.print() })
})()
`

/** Removes Next's scripts and script preloads, keeping JSON-LD and our `data-export="keep"` ones. */
export function stripNextScripts(html: string): string {
  return html
    .replace(
      /<script\b(?![^>]*(?:application\/ld\+json|data-export="keep"))[^>]*>[\s\S]*?<\/script>/gi,
      '',
    )
    .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
}

/** Adds the reading-tools script to pages that have the tools (after links are rewritten). */
function addReadingTools(html: string, basePath: string): string {
  if (!html.includes('data-reading-tool')) return html
  return html.replace(
    '</body>',
    `<script src="${basePath}/reading-tools.js" defer></script></body>`,
  )
}

/** Adds the static search script to the search page. */
function addSearchScript(html: string, basePath: string): string {
  if (!html.includes('data-search-results')) return html
  return html.replace('</body>', `<script src="${basePath}/search.js" defer></script></body>`)
}

/** A rendered page as the export serves it: no Next runtime, reading tools where needed. */
export function staticPage(html: string, basePath: string): string {
  return addSearchScript(addReadingTools(stripNextScripts(html), basePath), basePath)
}

/**
 * A static folder cannot send headers: write the framing policy (widgets frameable by the
 * allowed media-center sites, portal pages only by themselves) for common static hosts.
 */
async function writeFramingPolicy(
  origin: string,
  root: string,
  basePath: string,
  save: (file: string, body: string) => Promise<void>,
): Promise<void> {
  const response = await fetch(`${origin}/api/globals/site?depth=0`)
  if (!response.ok) throw new Error(`导出失败：无法读取站点设置（${response.status}）`)
  const site = (await response.json()) as { embedOrigins?: { origin?: string | null }[] | null }
  const origins = (site.embedOrigins ?? []).map((item) => item.origin)
  await save(path.join(root, '_headers'), staticHostHeaders(basePath, origins))
  await save(path.join(root, 'nginx-embed.conf'), nginxSnippet(basePath, origins))
}

/** Removes temporary folders that an interrupted export left next to the target. */
async function removeStaleTemps(outDir: string): Promise<void> {
  const parent = path.dirname(outDir)
  const prefix = `.${path.basename(outDir)}.tmp-`
  const entries = await readdir(parent).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((name) => name.startsWith(prefix))
      .map((name) => rm(path.join(parent, name), { recursive: true, force: true })),
  )
}

/**
 * Writes the whole public portal, as served by a running production build, to static files: it
 * crawls from `/`, `robots.txt` and the sitemap, follows every internal link and asset, rewrites
 * them for the base path, and swaps the finished folder in atomically, so an interrupted export
 * leaves the previous one as it was.
 */
export async function exportSite(options: ExportOptions): Promise<ExportResult> {
  const origin = new URL(options.origin).origin
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : origin
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : siteOrigin
  const basePath = normalizeBasePath(options.basePath)
  const outDir = path.resolve(options.outDir)
  await mkdir(path.dirname(outDir), { recursive: true })
  await removeStaleTemps(outDir)
  const temp = path.join(
    path.dirname(outDir),
    `.${path.basename(outDir)}.tmp-${process.pid}-${Date.now()}`,
  )
  await mkdir(temp, { recursive: true })

  const seen = new Map<string, string>() // exported path -> source URL (path + query)
  const queue: string[] = []
  const enqueue = (raw: string, from: string): string | null => {
    let url: URL
    try {
      url = new URL(raw, `${origin}${from}`)
    } catch {
      return null
    }
    if (url.origin !== origin && url.origin !== siteOrigin) return null
    if (!/^https?:$/.test(url.protocol)) return null
    const exported = exportedPath(url)
    if (!exported) return null
    if (!seen.has(exported)) {
      seen.set(exported, `${url.pathname}${url.search}`)
      queue.push(exported)
    }
    return `${basePath}${encodeURI(exported)}${url.hash}`
  }
  /** Root-relative links get the base path; absolute ones (share cards, sitemap) the public host too. */
  const linkFrom =
    (from: string): Rewriter =>
    (raw) => {
      if (
        !raw ||
        raw.startsWith('#') ||
        raw.startsWith('//') ||
        /^(data|mailto|tel|javascript):/i.test(raw)
      ) {
        return null
      }
      const absolute = /^https?:\/\//i.test(raw)
      if (!absolute && !raw.startsWith('/')) return null
      const rewritten = enqueue(raw, from)
      if (!rewritten || !absolute) return rewritten
      return `${publicOrigin}${rewritten}`
    }

  // The embed loader is only named in copyable code, never in a link: start from it too.
  for (const start of ['/', '/robots.txt', '/sitemap.xml', '/embed.js']) enqueue(start, '/')

  let files = 0
  let pages = 0
  let bytes = 0
  let done = 0
  const failures: string[] = []

  const save = async (file: string, body: string | Uint8Array) => {
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, body)
    files += 1
    bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  }

  const fetchOne = async (exported: string) => {
    const source = seen.get(exported) as string
    const response = await fetch(`${origin}${source}`, { redirect: 'follow' })
    if (!response.ok) {
      failures.push(`${response.status} ${source}`)
      return
    }
    const contentType = response.headers.get('content-type') ?? ''
    const kind = kindOf(contentType, new URL(source, origin).pathname)
    const file = fileFor(temp, exported)
    if (kind === 'json') {
      // Precomputed oEmbed answers name the portal by absolute URL: point them at the copy.
      const json = (await response.text()).replaceAll(siteOrigin, `${publicOrigin}${basePath}`)
      await save(file, json)
      return
    }
    if (kind === 'binary') {
      await save(file, new Uint8Array(await response.arrayBuffer()))
      return
    }
    let text = await response.text()
    if (kind === 'html') {
      pages += 1
      text = stripNextScripts(text)
    }
    if (kind !== 'js') text = rewriteText(kind, text, linkFrom(source))
    if (kind === 'html') text = addSearchScript(addReadingTools(text, basePath), basePath)
    await save(file, text)
  }

  try {
    // Static servers show 404.html for a missing path: Next's Chinese not-found page.
    const notFound = await fetch(`${origin}/__export-404__`)
    const notFoundHtml = rewriteText('html', stripNextScripts(await notFound.text()), linkFrom('/'))
    await save(path.join(temp, '404.html'), notFoundHtml)
    await save(path.join(temp, 'reading-tools.js'), READING_TOOLS_JS)

    const concurrency = Math.max(1, options.concurrency ?? 4)
    const worker = async () => {
      while (queue.length > 0) {
        const next = queue.shift() as string
        await fetchOne(next)
        done += 1
        options.onProgress?.({ done, queued: queue.length, path: next })
      }
    }
    // Workers stop when the queue is momentarily empty; loop until nothing new was found.
    while (queue.length > 0) await Promise.all(Array.from({ length: concurrency }, worker))
    if (failures.length > 0) {
      throw new Error(
        `导出失败：${failures.length} 个地址无法获取：\n${failures.slice(0, 20).join('\n')}`,
      )
    }
    if (options.search !== false) await writeExportSearch(origin, temp)
    await writeFramingPolicy(origin, temp, basePath, save)
    const previous = `${temp}-previous`
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false
        throw err
      },
    )
    await rename(temp, outDir)
    if (hadPrevious) await rm(previous, { recursive: true, force: true })
  } catch (err) {
    await rm(temp, { recursive: true, force: true })
    throw err
  }
  return { files, pages, bytes, outDir }
}
