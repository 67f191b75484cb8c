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
 * Framing policy for every page (widgets: the allowed media-center origins; everything else,
 * including the admin, same-origin only), filtered widget rewrites, and the public API lock.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname, search } = request.nextUrl
  // Next's router answers 500 to malformed percent-encoding (`/scripts/%ZZ`): say 400 instead.
  try {
    decodeURIComponent(pathname)
  } catch {
    return new Response('地址编码不正确', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
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
