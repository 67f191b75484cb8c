import { serverUrl } from '@/lib/serverUrl'

/** The resident's order endpoints (the form, the tracking link, the rating). */
export const ORDER_PUBLIC_ROUTE = /^\/api\/orders\/(?:submit|track|rate)$/

function originOf(url: string | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/**
 * The portal's own origins, which may post orders from a browser: the app (`SITE_URL`), the
 * static copy (`EXPORT_PUBLIC_URL`, `STATIC_PUBLIC_URL`) and any further hosts of it
 * (`ORDER_FORM_ORIGINS`, comma separated). Media centers embed the 点单 button as a link.
 */
export function orderFormOrigins(): Set<string> {
  const origins = [
    serverUrl(),
    process.env.EXPORT_PUBLIC_URL,
    process.env.STATIC_PUBLIC_URL,
    ...(process.env.ORDER_FORM_ORIGINS ?? '').split(','),
  ]
    .map((value) => originOf(value?.trim()))
    .filter((origin): origin is string => Boolean(origin))
  return new Set(origins)
}

/** CORS headers for a request from `origin`: none when it is not one of ours. */
export function orderCorsHeaders(origin: string | null): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' }
  if (!origin || !orderFormOrigins().has(origin)) return headers
  return {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    'Access-Control-Expose-Headers': 'Retry-After',
  }
}

/**
 * Whether a browser post may reach the order endpoints: no Origin (a server or a test client), the
 * app's own origin as the request reached it, or one of the portal's origins. A page elsewhere
 * could otherwise send a form post (a "simple" request needs no preflight).
 */
export function isOrderOriginAllowed(origin: string | null, ownOrigin: string): boolean {
  return !origin || origin === ownOrigin || orderFormOrigins().has(origin)
}

/**
 * Where browsers send orders: '' for the page's own origin (the live portal, and a static copy
 * behind deploy/nginx.conf, which passes /api/ to the app), or the app's public address
 * `ORDER_API_URL` when the static copy is hosted apart from the app (an object store or CDN).
 */
export function orderApiOrigin(): string {
  return originOf(process.env.ORDER_API_URL?.trim()) ?? ''
}
