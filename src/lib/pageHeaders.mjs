/**
 * The fixed security headers of portal pages and of the admin, shared by the app (src/lib/csp.ts)
 * and next.config.mjs, which sets them without running the proxy: most requests are cached pages
 * whose headers never change, and the proxy costs every request it runs for.
 */

/**
 * Everything but scripts. There is deliberately no `default-src`: it would also restrict scripts,
 * and cached pages receive their `script-src` as a separate policy (both are enforced).
 * Pictures and video may come from object storage or a CDN, so any https origin may serve them.
 * @param {string} frameAncestors
 * @param {string[]} [connect] origins scripts may also send requests to (the static copy's order
 *   form posts to the app)
 * @returns {string[]}
 */
export function basePolicy(frameAncestors, connect = []) {
  return [
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob: https:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(' '),
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ]
}

/** Pages other than widgets: framed only by the portal itself (the admin's live preview). */
export const SAME_ORIGIN_FRAMING = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
}

/** A cached portal page: the framing rule and the policy for everything but scripts. */
export const CACHED_PAGE_HEADERS = {
  ...SAME_ORIGIN_FRAMING,
  'Content-Security-Policy': basePolicy("'self'").join('; '),
}
