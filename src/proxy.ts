import { NextResponse, type NextRequest } from 'next/server'

import { embedOrigins } from '@/lib/embedOrigins'
import { DRAFT_MODE_COOKIE, newNonce, pageSecurityHeaders, rendersPerRequest } from '@/lib/csp'
import { isEmbedPath } from '@/lib/framing'
import { isResourceKind } from '@/lib/kinds'
import { cachedListPath, cachedSearchPath } from '@/lib/listCache'
import { isOrderOriginAllowed, ORDER_PUBLIC_ROUTE, orderCorsHeaders } from '@/lib/orders/cors'
import { isPublicReadRoute, isSignedIn, PUBLIC_CORS_HEADERS } from '@/lib/publicApi'

/** Whether a raw (still percent-encoded) path decodes as UTF-8, without NUL characters. */
export function isDecodablePath(rawPath: string): boolean {
  if (!rawPath.includes('%')) return true
  try {
    return !decodeURIComponent(rawPath).includes('\u0000')
  } catch {
    return false
  }
}

function badRequest(message: string, json: boolean): NextResponse {
  return json
    ? NextResponse.json({ errors: [{ message }] }, { status: 400 })
    : new NextResponse(message, {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      })
}

/** Widget paths whose filters need the server: rewritten to the dynamic `filtered` widget. */
const FILTERABLE_WIDGET = /^\/embed\/(?:[a-z]+|topics\/[^/]+|orgs\/[^/]+)\/?$/
const FILTER_KEYS = ['format', 'dialect', 'kind']

/**
 * The public REST API: CORS and no drafts for anonymous reads. (Their rate limit is counted in the
 * database the routes use, shared by all servers: `withReadLimit` in src/lib/publicApi.ts.)
 */
async function publicApi(request: NextRequest): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl
  if (ORDER_PUBLIC_ROUTE.test(pathname)) return orderApi(request)
  const read = request.method === 'GET' || request.method === 'HEAD'
  if (!read || !isPublicReadRoute(pathname)) return NextResponse.next()
  if (await isSignedIn(request.headers, request.cookies.get('payload-token')?.value)) {
    return NextResponse.next()
  }
  // Anonymous callers never get drafts; Payload already filters, this makes it unconditional.
  const response = searchParams.has('draft')
    ? NextResponse.rewrite(withoutDraft(request.nextUrl))
    : NextResponse.next()
  for (const [name, value] of Object.entries(PUBLIC_CORS_HEADERS)) {
    response.headers.set(name, value)
  }
  return response
}

/**
 * The resident's order endpoints take posts from the portal's own origins only (the live app and
 * its static copy): a preflight from elsewhere gets no CORS headers, so the browser refuses.
 */
function orderApi(request: NextRequest): Response {
  const origin = request.headers.get('origin')
  if (request.method === 'POST' && !isOrderOriginAllowed(origin, request.nextUrl.origin)) {
    return NextResponse.json(
      { errors: [{ message: '只能从本站的点单页面提交' }] },
      { status: 403, headers: { 'Cache-Control': 'no-store' } },
    )
  }
  const cors = orderCorsHeaders(origin)
  const response =
    request.method === 'OPTIONS' ? new NextResponse(null, { status: 204 }) : NextResponse.next()
  for (const [name, value] of Object.entries(cors)) response.headers.set(name, value)
  return response
}

/** The cached route a list or search request is served from (src/lib/listCache.ts), or null. */
function cachedRoute(pathname: string, params: URLSearchParams): string | null {
  const page = pathname.replace(/^\/|\/$/g, '')
  if (isResourceKind(page)) return cachedListPath(page, params)
  return page === 'search' ? cachedSearchPath(params) : null
}

function withoutDraft(url: URL): URL {
  const next = new URL(url)
  next.searchParams.delete('draft')
  return next
}

/**
 * In front of the requests `config.matcher` lists:
 * - malformed requests that Next.js and Payload answer with a bare 500 get a Chinese 400: paths
 *   with broken percent-encoding or NUL (`/scripts/%E4%B8`), GraphQL posts whose body is not JSON;
 * - list and search pages go to their cached copy (src/lib/listCache.ts);
 * - the framing policy (widgets: the allowed media-center origins; everything else, including the
 *   admin, same-origin only), the portal's Content-Security-Policy with a nonce for the pages
 *   rendered per request (src/lib/csp.ts), and filtered widget rewrites;
 * - the public API lock (CORS, no drafts for anonymous reads).
 * Request bodies are only read for GraphQL; uploads stream through untouched.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl
  const raw = request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]
  if (!isDecodablePath(raw)) {
    return badRequest('地址无效：其中的百分号编码不是有效的 UTF-8。', raw.startsWith('/api/'))
  }
  if (raw === '/api/graphql' && request.method === 'POST') {
    try {
      JSON.parse(await request.clone().text())
    } catch {
      return badRequest('请求内容不是有效的 JSON。', true)
    }
  }
  if (pathname.startsWith('/api/')) return publicApi(request)
  const draftMode = request.cookies.has(DRAFT_MODE_COOKIE)
  const cached = draftMode ? null : cachedRoute(pathname, request.nextUrl.searchParams)
  // A cached page like any other: its framing and policy come from next.config.mjs, its script
  // hashes from the cache entry (a policy set here would replace those).
  if (cached) return NextResponse.rewrite(new URL(cached, request.url))
  const embed = isEmbedPath(pathname)
  const origins = embed ? await embedOrigins(request.nextUrl.origin) : []
  const filtered =
    embed &&
    FILTERABLE_WIDGET.test(pathname) &&
    FILTER_KEYS.some((key) => request.nextUrl.searchParams.has(key))
  const target = filtered ? `/embed/filtered${pathname.slice('/embed'.length)}` : pathname
  // Pages rendered per request get a nonce: Next.js reads it from the request's policy header and
  // puts it on its own inline scripts. Cached pages get their script hashes from the cache handler.
  const nonce = rendersPerRequest(target, draftMode) ? newNonce() : null
  const headers = pageSecurityHeaders(pathname, origins, nonce)
  const requestHeaders = new Headers(request.headers)
  if (nonce) requestHeaders.set('content-security-policy', headers['Content-Security-Policy'])
  const init = nonce ? { request: { headers: requestHeaders } } : undefined
  const response = filtered
    ? NextResponse.rewrite(new URL(`${target}${search}`, request.url), init)
    : NextResponse.next(init)
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

/**
 * Only where there is work: the API, widgets, pages rendered per request, any page in draft mode,
 * and paths with percent-encoding (checked for malformed UTF-8). Every other response (cached
 * pages, the admin, feeds, files) gets its fixed headers from next.config.mjs without a proxy run.
 * Next.js compiles each matcher's expression again for every request, so the paths are one
 * expression: `/api` and `/embed` with anything below them, the list roots, and any path with a
 * `%` but Next.js's own files.
 */
export const config = {
  matcher: [
    '/(api(?:/.*)?|embed(?:/.*)?|scripts|videos|textbooks|cases|search|(?!_next/static|_next/image).*%.*)',
    {
      source: '/((?!_next/static|_next/image).*)',
      has: [{ type: 'cookie', key: '__prerender_bypass' }],
    },
  ],
}
