import { createHash } from 'node:crypto'

import { jwtVerify } from 'jose'
import type { Payload } from 'payload'

import { countHit } from './coordination/store'
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './health'

/**
 * The partner read API is Payload's REST API, locked down for anonymous callers: read-only GETs
 * of the public collections (their read access already returns published documents only), no
 * `draft` flag, CORS for any origin without credentials (src/proxy.ts), and a per-address rate
 * limit shared by all app servers (the routes, through withReadLimit). Signed-in staff (the admin)
 * are neither throttled nor changed.
 */

/** Collections and globals whose published content partners may read. */
export const PUBLIC_READ_COLLECTIONS = [
  'scripts',
  'videos',
  'textbooks',
  'cases',
  'lecturers',
  'orgs',
  'topics',
  'media',
  'files',
  'video-files',
  'subtitle-files',
] as const

const PUBLIC_READ_ROUTE = new RegExp(
  `^/api/(?:(?:${PUBLIC_READ_COLLECTIONS.join('|')})(?:/.*)?|globals/site|oembed|search(?:/.*)?)$`,
)

/** Whether a path is one of the public read routes (CORS applies). */
export function isPublicReadRoute(pathname: string): boolean {
  return PUBLIC_READ_ROUTE.test(pathname)
}

/**
 * Whether a request counts against the anonymous rate limit: JSON reads of the public API.
 * Uploaded files (images on every page) and the portal's own search box are not counted.
 */
export function isRateLimited(pathname: string): boolean {
  return (
    isPublicReadRoute(pathname) &&
    !/^\/api\/[^/]+\/file\//.test(pathname) &&
    !pathname.startsWith('/api/search')
  )
}

/** CORS headers for public reads: any origin, no credentials. */
export const PUBLIC_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining',
} as const

/** Payload signs its tokens with the first 32 hex digits of SHA-256(PAYLOAD_SECRET). */
function signingKey(): Uint8Array {
  const secret =
    process.env.PAYLOAD_SECRET ||
    (process.env.NODE_ENV === 'production' ? '' : 'practice-hub-development-secret-change-me')
  const key = createHash('sha256').update(secret).digest('hex').slice(0, 32)
  return new TextEncoder().encode(key)
}

/** The Payload token a request carries (cookie or `Authorization: JWT|Bearer …`), if any. */
export function tokenOf(headers: Headers, cookie: string | undefined): string | null {
  const auth = headers.get('authorization') ?? ''
  const match = /^(?:JWT|Bearer)\s+(\S+)$/i.exec(auth.trim())
  return match?.[1] ?? cookie ?? null
}

/** Whether a request carries a valid, unexpired Payload login (signature checked, not just present). */
export async function isSignedIn(headers: Headers, cookie: string | undefined): Promise<boolean> {
  const token = tokenOf(headers, cookie)
  if (!token) return false
  try {
    await jwtVerify(token, signingKey(), { algorithms: ['HS256'] })
    return true
  } catch {
    return false
  }
}

/**
 * The caller's address: the last `X-Forwarded-For` hop (what our reverse proxy, or Next itself,
 * saw). Behind nginx use `proxy_set_header X-Forwarded-For $remote_addr;` so clients cannot
 * choose their own key.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for') ?? ''
  const hops = forwarded
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  return hops.at(-1) ?? headers.get('x-real-ip') ?? 'unknown'
}

/** Anonymous API reads per address per minute: `PUBLIC_API_RATE_LIMIT`, 0 disables. @default 300 */
export function rateLimitPerMinute(): number {
  const raw = process.env.PUBLIC_API_RATE_LIMIT
  if (raw === undefined || raw.trim() === '') return 300
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : 300
}

export type RateDecision =
  | { allowed: true; limit: number; remaining: number }
  | { allowed: false; limit: number; retryAfter: number }

/**
 * Counts one anonymous read for an address, in a one-minute window shared by every app server on
 * the database (src/lib/coordination/store.ts): 300 a minute means 300 across all of them.
 */
export async function consumeRead(
  payload: Payload,
  address: string,
  now = Date.now(),
): Promise<RateDecision> {
  const points = rateLimitPerMinute()
  if (points === 0) return { allowed: true, limit: 0, remaining: 0 }
  const { count, resetAt } = await countHit(payload, address, 60_000, now)
  if (count <= points) return { allowed: true, limit: points, remaining: points - count }
  return {
    allowed: false,
    limit: points,
    retryAfter: Math.max(1, Math.ceil((resetAt - now) / 1000)),
  }
}

/** The 429 answer, in Payload's error shape and in Chinese. */
export function tooManyRequests(decision: Extract<RateDecision, { allowed: false }>): Response {
  return Response.json(
    {
      errors: [
        {
          message: `请求过于频繁：匿名接口每个地址每分钟最多 ${decision.limit} 次，请 ${decision.retryAfter} 秒后再试`,
        },
      ],
    },
    {
      status: 429,
      headers: {
        ...PUBLIC_CORS_HEADERS,
        'Retry-After': String(decision.retryAfter),
        'X-RateLimit-Limit': String(decision.limit),
        'X-RateLimit-Remaining': '0',
      },
    },
  )
}

/** The `payload-token` cookie of a request, if any. */
function tokenCookie(headers: Headers): string | undefined {
  const cookies = headers.get('cookie') ?? ''
  const match = /(?:^|;\s*)payload-token=([^;]+)/.exec(cookies)
  return match?.[1]
}

/**
 * Wraps a route handler of the public read API with the anonymous rate limit: a counted request
 * over the limit gets the Chinese 429 without reaching the handler; others get the limit headers.
 */
export function withReadLimit<Context>(
  handler: (request: Request, context: Context) => Promise<Response> | Response,
  payload: () => Promise<Payload>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const { pathname } = new URL(request.url)
    const read = request.method === 'GET' || request.method === 'HEAD'
    if (
      !read ||
      !isRateLimited(pathname) ||
      (await isSignedIn(request.headers, tokenCookie(request.headers)))
    ) {
      return handler(request, context)
    }
    let decision: RateDecision
    try {
      decision = await consumeRead(await payload(), `api:${clientAddress(request.headers)}`)
    } catch (err) {
      // The count lives in the database: when it is away, answer as the API itself would.
      if (!isDatabaseUnavailable(err)) throw err
      return Response.json(
        { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
        { status: 503, headers: { ...PUBLIC_CORS_HEADERS, 'Retry-After': '5' } },
      )
    }
    if (!decision.allowed) return tooManyRequests(decision)
    const response = await handler(request, context)
    if (decision.limit === 0) return response
    const limited = new Response(response.body, response)
    limited.headers.set('X-RateLimit-Limit', String(decision.limit))
    limited.headers.set('X-RateLimit-Remaining', String(decision.remaining))
    return limited
  }
}
