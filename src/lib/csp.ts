import { createHash } from 'node:crypto'

import { PANEL_JS, WIDGET_JS } from './embed/scripts'
import { framingHeaders, isEmbedPath, widgetFrameAncestors } from './framing'
import { basePolicy } from './pageHeaders.mjs'

export { basePolicy }

/**
 * The Content-Security-Policy of the portal, its widgets and the static copy: scripts only from our
 * own origin, plus the inline scripts we wrote (the embed panel and the widget, by hash) and, on
 * live pages, Next.js's inline scripts that carry each page's render data:
 * - pages Next.js renders once and caches (detail pages, home, topics, orgs) get the hashes of
 *   their inline scripts from the cache handler (src/lib/cache/cspCacheHandler.mjs), which
 *   computes them from the cached HTML and sends them as a second policy with only `script-src`;
 * - pages rendered per request (lists, search, filtered widgets, draft previews) get a fresh nonce
 *   from the proxy, which Next.js puts on its own scripts.
 * JSON-LD is data (`application/ld+json`), which browsers never run, so it needs no hash. The
 * admin keeps Payload's own scripts and styles: it gets the framing, `nosniff` and referrer rules
 * only (README, "安全响应头").
 */

/** `'sha256-…'` of an inline script's exact text. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`
}

/** Our own inline scripts, allowed by hash on every page and in the static copy. */
export const OWN_INLINE_SCRIPTS = [scriptHash(PANEL_JS), scriptHash(WIDGET_JS)]

/** A whole policy: scripts from our origin and the given sources, everything else as above. */
function withScripts(frameAncestors: string, sources: string[], connect: string[] = []): string {
  return [`script-src 'self' ${sources.join(' ')}`, ...basePolicy(frameAncestors, connect)].join(
    '; ',
  )
}

/** The whole policy of a page rendered per request: Next.js's scripts carry `nonce`. */
export function perRequestPolicy(frameAncestors: string, nonce: string): string {
  return withScripts(frameAncestors, [`'nonce-${nonce}'`, ...OWN_INLINE_SCRIPTS])
}

/**
 * The whole policy of the static copy: its pages keep only our own inline scripts, and may send
 * requests to `connect` too (the app that takes orders, when it lives on another origin).
 */
export function staticPolicy(frameAncestors: string, connect: string[] = []): string {
  return withScripts(frameAncestors, OWN_INLINE_SCRIPTS, connect)
}

/** The list pages, search and the filtered widgets: rendered per request (they read the query). */
const PER_REQUEST_PAGE =
  /^\/(?:(?:scripts|videos|textbooks|cases)\/?|search\/?|embed\/filtered\/.*)$/

/** Next.js's draft-mode cookie: any page renders per request while it is set. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

/** Whether a portal page is rendered per request (nonce) rather than served from Next's cache. */
export function rendersPerRequest(pathname: string, draftMode: boolean): boolean {
  return draftMode || PER_REQUEST_PAGE.test(pathname)
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64')
}

/**
 * Security headers of a page response: the framing rules (src/lib/framing.ts) and, outside the
 * admin, the portal's policy; `nonce` is set for pages rendered per request.
 */
export function pageSecurityHeaders(
  pathname: string,
  origins: readonly (string | null | undefined)[],
  nonce: string | null,
): Record<string, string> {
  const framing = framingHeaders(pathname, origins)
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return framing
  const ancestors = isEmbedPath(pathname) ? widgetFrameAncestors(origins) : "'self'"
  return {
    ...framing,
    'Content-Security-Policy': nonce
      ? perRequestPolicy(ancestors, nonce)
      : basePolicy(ancestors).join('; '),
  }
}
