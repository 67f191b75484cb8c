import { NextResponse, type NextRequest } from 'next/server'

import { embedOrigins } from '@/lib/embedOrigins'
import { framingHeaders, isEmbedPath } from '@/lib/framing'
import {
  clientAddress,
  consumeRead,
  isPublicReadRoute,
  isRateLimited,
  isSignedIn,
  PUBLIC_CORS_HEADERS,
  tooManyRequests,
} from '@/lib/publicApi'

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

/** The public REST API: CORS, no drafts and a rate limit for anonymous reads. */
async function publicApi(request: NextRequest): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl
  const read = request.method === 'GET' || request.method === 'HEAD'
  if (!read || !isPublicReadRoute(pathname)) return NextResponse.next()
  if (await isSignedIn(request.headers, request.cookies.get('payload-token')?.value)) {
    return NextResponse.next()
  }
  let rateHeaders: Record<string, string> = {}
  if (isRateLimited(pathname)) {
    const decision = await consumeRead(`api:${clientAddress(request.headers)}`)
    if (!decision.allowed) return tooManyRequests(decision)
    if (decision.limit > 0) {
      rateHeaders = {
        'X-RateLimit-Limit': String(decision.limit),
        'X-RateLimit-Remaining': String(decision.remaining),
      }
    }
  }
  // Anonymous callers never get drafts; Payload already filters, this makes it unconditional.
  const response = searchParams.has('draft')
    ? NextResponse.rewrite(withoutDraft(request.nextUrl))
    : NextResponse.next()
  for (const [name, value] of Object.entries({ ...PUBLIC_CORS_HEADERS, ...rateHeaders })) {
    response.headers.set(name, value)
  }
  return response
}

function withoutDraft(url: URL): URL {
  const next = new URL(url)
  next.searchParams.delete('draft')
  return next
}

/**
 * In front of every request but static assets:
 * - malformed requests that Next.js and Payload answer with a bare 500 get a Chinese 400: paths
 *   with broken percent-encoding or NUL (`/scripts/%E4%B8`), GraphQL posts whose body is not JSON;
 * - the framing policy (widgets: the allowed media-center origins; everything else, including the
 *   admin, same-origin only) and filtered widget rewrites;
 * - the public API lock (CORS, no drafts, a rate limit for anonymous reads).
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
  if (isEmbedPath(pathname)) {
    const origins = await embedOrigins(request.nextUrl.origin)
    const filtered =
      FILTERABLE_WIDGET.test(pathname) &&
      FILTER_KEYS.some((key) => request.nextUrl.searchParams.has(key))
    const response = filtered
      ? NextResponse.rewrite(
          new URL(`/embed/filtered${pathname.slice('/embed'.length)}${search}`, request.url),
        )
      : NextResponse.next()
    for (const [name, value] of Object.entries(framingHeaders(pathname, origins))) {
      response.headers.set(name, value)
    }
    return response
  }
  const response = NextResponse.next()
  for (const [name, value] of Object.entries(framingHeaders(pathname, []))) {
    response.headers.set(name, value)
  }
  return response
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
