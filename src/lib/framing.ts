/**
 * Who may put our pages in a frame. Widgets under `/embed/` may be framed by the portal itself and
 * by the media-center sites listed in the `site` global (`embedOrigins`); an empty list means only
 * the portal itself — never "any site" by default. Every other page (portal, admin) is frameable
 * only by the portal itself, which the admin's live preview needs.
 */

import { SAME_ORIGIN_FRAMING } from './pageHeaders.mjs'

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i

/** Whether a path is a widget (frameable by the allowed origins). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/')
}

/** The allowed origins, normalized and deduplicated; anything that is not a plain origin is dropped. */
export function cleanOrigins(origins: readonly (string | null | undefined)[]): string[] {
  const clean = new Set<string>()
  for (const raw of origins) {
    const value = (raw ?? '').trim().replace(/\/+$/, '')
    if (ORIGIN.test(value)) clean.add(value.toLowerCase())
  }
  return [...clean]
}

/** The `frame-ancestors` source list for widgets: `'self'` plus the allowed origins. */
export function widgetFrameAncestors(origins: readonly (string | null | undefined)[]): string {
  return ["'self'", ...cleanOrigins(origins)].join(' ')
}

/** Response headers for a path: widgets get the allow-list, everything else same-origin only. */
export function framingHeaders(
  pathname: string,
  origins: readonly (string | null | undefined)[],
): Record<string, string> {
  if (isEmbedPath(pathname)) {
    return { 'Content-Security-Policy': `frame-ancestors ${widgetFrameAncestors(origins)}` }
  }
  return { ...SAME_ORIGIN_FRAMING }
}
