/**
 * How the running portal becomes static files: which URLs are exported and where they land, and
 * how a rendered page is rewritten (links under the base path, no Next runtime). Used by the full
 * export and by incremental static publishing alike (src/lib/staticSite), so both write the same
 * bytes for the same content.
 */
import { RESOURCE_KINDS } from './kinds'

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

const ATTR_URL = /(\s(?:href|src|poster|action|content|data-src)=)"([^"]*)"/gi
const SRCSET = /(\s(?:srcset|imagesrcset)=)"([^"]*)"/gi
const CSS_URL = /url\((['"]?)([^'")]+)\1\)/g
const SITEMAP_LOC = /<loc>([^<]+)<\/loc>/g

export type Rewriter = (raw: string) => string | null

/** Rewrites internal links of an HTML, CSS or XML text, collecting the URLs they point to. */
export function rewriteText(
  kind: 'html' | 'css' | 'xml' | 'text',
  text: string,
  link: Rewriter,
): string {
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
      // The static copy has no server to filter lists, so server-only forms and links go, first,
      // so that the links collected below are exactly those the static page has.
      .replace(/<(aside|nav|form|details)\s[^>]*data-export="omit"[\s\S]*?<\/\1>/g, '')
      .replace(/<a\s[^>]*data-export="omit"[\s\S]*?<\/a>/g, '')
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
  )
}

export function kindOf(
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
  return (
    html
      .replace(
        /<script\b(?![^>]*(?:application\/ld\+json|data-export="keep"))[^>]*>[\s\S]*?<\/script>/gi,
        '',
      )
      .replace(/<link\b[^>]*\bas="script"[^>]*>/gi, '')
      // Pages rendered per request carry that request's CSP nonce; the copy has none (its policy
      // allows our scripts by hash), and the same page must give the same bytes every time.
      .replace(/\snonce="[^"]*"/gi, '')
  )
}

/** Adds the reading-tools script to pages that have the tools (after links are rewritten). */
export function addReadingTools(html: string, basePath: string): string {
  if (!html.includes('data-reading-tool')) return html
  return html.replace(
    '</body>',
    `<script src="${basePath}/reading-tools.js" defer></script></body>`,
  )
}

/**
 * Adds the static search script (suggestions; results on the search page) to pages with a search
 * box. On the search page the rendered results (every resource: the page was exported without a
 * query) stay hidden, their room kept, until the script has put the query's results in their
 * place: shown and then replaced, they would jump under the reader's eyes.
 */
export function addSearchScript(html: string, basePath: string): string {
  if (!html.includes('data-search-results') && !html.includes('role="search"')) return html
  return html
    .replace('data-search-results', 'data-search-results data-static-pending')
    .replace('</body>', `<script src="${basePath}/search.js" defer></script></body>`)
}

/** A rendered page as the export serves it: no Next runtime, reading tools where needed. */
export function staticPage(html: string, basePath: string): string {
  return addSearchScript(addReadingTools(stripNextScripts(html), basePath), basePath)
}
