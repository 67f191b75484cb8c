import { CACHE_TAGS_META } from '@/data/cacheTags'

import { UNTRACKED } from './affected'
import { httpGet } from './http'
import {
  exportedPath,
  kindOf,
  normalizeBasePath,
  rewriteText,
  staticPage,
  stripNextScripts,
  type Rewriter,
} from '../staticExport'

/** Where pages are rendered and how their links are written in the static copy. */
export type SiteTarget = {
  /** The running production build, e.g. http://127.0.0.1:3000 */
  origin: string
  /** SITE_URL's origin: absolute links to it are internal. */
  siteOrigin: string
  /** Where the static copy is served: absolute links (share cards, sitemap) point there. */
  publicOrigin: string
  /** Path prefix of the static copy, `''` or `/portal`. */
  basePath: string
}

export function siteTarget(options: {
  origin: string
  siteUrl?: string
  publicUrl?: string
  basePath?: string
}): SiteTarget {
  const origin = new URL(options.origin).origin
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : origin
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : siteOrigin
  return { origin, siteOrigin, publicOrigin, basePath: normalizeBasePath(options.basePath) }
}

/** A URL of the portal as the static copy knows it: where it lands and where it is rendered from. */
/**
 * A link's static location: the exported path, the portal URL it is rendered from, and a query
 * the static page reads itself in the browser (kept on the link, not part of the file).
 */
export type Link = { exported: string; source: string; query?: string }

/**
 * Pages whose query is read by their own script, so the static copy serves one file for every
 * query: the order form (`/orders?resource=scripts/x`, `?lecturer=y`).
 */
const CLIENT_QUERY_PAGES: Record<string, readonly string[]> = {
  '/orders': ['resource', 'lecturer'],
}

function clientQueryLink(url: URL): Link | null {
  const keys = CLIENT_QUERY_PAGES[url.pathname.replace(/\/+$/, '')]
  const params = [...url.searchParams.keys()]
  if (!keys || params.length === 0 || !params.every((key) => keys.includes(key))) return null
  const bare = new URL(url)
  bare.search = ''
  const exported = exportedPath(bare)
  return exported ? { exported, source: bare.pathname, query: url.search } : null
}

/** The static location of `raw` (a link found on the page at `from`), or null if not exported. */
export function linkTarget(target: SiteTarget, raw: string, from: string): Link | null {
  let url: URL
  try {
    url = new URL(raw, `${target.origin}${from}`)
  } catch {
    return null
  }
  if (url.origin !== target.origin && url.origin !== target.siteOrigin) return null
  if (!/^https?:$/.test(url.protocol)) return null
  const clientQuery = clientQueryLink(url)
  if (clientQuery) return clientQuery
  const exported = exportedPath(url)
  if (!exported) return null
  return { exported, source: `${url.pathname}${url.search}` }
}

/** The exported path and source URL of a portal path such as `/scripts?page=2`. */
export function linkOf(target: SiteTarget, source: string): Link | null {
  return linkTarget(target, source, '/')
}

export type Rendered =
  | {
      status: 'file'
      body: Uint8Array
      links: Link[]
      page: boolean
      /** What the file renders (cache tags), `*` for text that declared nothing; none for assets. */
      tags?: string[]
    }
  /** The portal no longer has this URL (unpublished, deleted, past the last page). */
  | { status: 'gone'; code: number }

/**
 * Fetches one URL from the running portal and turns it into its static file: HTML loses Next's
 * runtime and gets the small scripts it needs, and internal links in HTML, CSS, XML and robots.txt
 * move under the base path (absolute ones to the public origin). The links are returned so the
 * caller can crawl them and record them in the manifest. Server errors throw; 404/410 is "gone".
 */
export async function renderUrl(target: SiteTarget, source: string): Promise<Rendered> {
  const response = await httpGet(`${target.origin}${source}`)
  if (response.status === 404 || response.status === 410) {
    return { status: 'gone', code: response.status }
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${response.status} ${source}`)
  }
  const kind = kindOf(response.contentType, new URL(source, target.origin).pathname)
  const declared = response.cacheTags.split(/\s+/).filter(Boolean)
  if (kind === 'binary') {
    const tags = declared.length > 0 ? declared : undefined
    return { status: 'file', body: new Uint8Array(response.body), links: [], page: false, tags }
  }
  if (kind === 'json') {
    // Precomputed oEmbed answers name the portal by absolute URL: point them at the copy.
    const json = response.body
      .toString('utf8')
      .replaceAll(target.siteOrigin, `${target.publicOrigin}${target.basePath}`)
    return { status: 'file', body: Buffer.from(json), links: [], page: false, tags: declared }
  }
  const links: Link[] = []
  let text = response.body.toString('utf8')
  if (kind === 'html') {
    const meta = takeCacheTags(text)
    text = stripNextScripts(meta.html)
    declared.push(...meta.tags)
  }
  if (kind !== 'js') text = rewriteText(kind, text, rewriterFor(target, source, links))
  if (kind === 'html') text = staticPage(text, target.basePath)
  const tags =
    kind === 'js' || kind === 'css'
      ? undefined
      : declared.length > 0
        ? ownStrings(declared)
        : [UNTRACKED]
  return { status: 'file', body: Buffer.from(text), links, page: kind === 'html', tags }
}

/**
 * Copies of strings cut out of a larger one. V8 keeps a substring as a view of its parent, so each
 * tag split out of a page kept that page's whole HTML alive for as long as the manifest kept the
 * tag: ≈ 30 kB a file, so the exporter's heap grew with every page (130 MB at the end of a 1k
 * crawl; ≈ 35 MB with copies).
 */
function ownStrings(values: string[]): string[] {
  return JSON.parse(JSON.stringify(values)) as string[]
}

const CACHE_TAGS_ELEMENT = new RegExp(
  `<meta name="${CACHE_TAGS_META}" content="([^"]*)"\\s*/?>`,
  'g',
)

/** The tags a page declared (CacheTags), and the page without them: they are for the publisher. */
export function takeCacheTags(html: string): { html: string; tags: string[] } {
  const tags: string[] = []
  const stripped = html.replace(CACHE_TAGS_ELEMENT, (_, content: string) => {
    tags.push(...content.split(/\s+/).filter(Boolean))
    return ''
  })
  return { html: stripped, tags }
}

/** The portal's not-found page, for static servers to show on a missing path. */
export async function renderNotFound(target: SiteTarget): Promise<Uint8Array> {
  const response = await httpGet(`${target.origin}/__export-404__`)
  const links: Link[] = []
  const html = rewriteText(
    'html',
    stripNextScripts(response.body.toString('utf8')),
    rewriterFor(target, '/', links),
  )
  return Buffer.from(html)
}

/** Root-relative links get the base path; absolute ones (share cards, sitemap) the public host too. */
function rewriterFor(target: SiteTarget, from: string, links: Link[]): Rewriter {
  return (raw) => {
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
    const link = linkTarget(target, raw, from)
    if (!link) return null
    links.push(link)
    const hash = raw.includes('#') ? raw.slice(raw.indexOf('#')) : ''
    const rewritten = `${target.basePath}${encodeURI(link.exported)}${link.query ?? ''}${hash}`
    return absolute ? `${target.publicOrigin}${rewritten}` : rewritten
  }
}
