import { escapeHtml } from '@/lib/html'

import type { ResourceKind } from '../kinds'

/**
 * How many items a list widget shows at most (the page renders them all, items past the default
 * start hidden); the widget's own script applies `count`, `layout`, `theme` and `accent`
 * (src/lib/embed/scripts.ts), so the options work in the static export too.
 */
export const EMBED_MAX_COUNT = 12
export const EMBED_DEFAULT_COUNT = 6

/** Portal path of the widget for one resource. */
export function resourceWidgetPath(kind: ResourceKind, slug: string): string {
  return `/embed/${kind}/${encodeURIComponent(slug)}`
}

/** The list widget scopes: one kind, or every kind under a topic's or an org's subtree. */
export type EmbedListScope =
  | { type: 'kind'; kind: ResourceKind }
  | { type: 'topic'; slug: string }
  | { type: 'org'; slug: string }

/** Portal path of a list widget. */
export function listWidgetPath(scope: EmbedListScope): string {
  if (scope.type === 'kind') return `/embed/${scope.kind}`
  return `/embed/${scope.type === 'topic' ? 'topics' : 'orgs'}/${encodeURIComponent(scope.slug)}`
}

/** Ready-to-paste codes for a widget at an absolute URL (`base` is where `/embed.js` lives). */
export function embedCodes(input: {
  siteUrl: string
  widgetPath: string
  title: string
  height?: number
}): { iframe: string; loader: string; widgetUrl: string; loaderUrl: string } {
  const site = input.siteUrl.replace(/\/+$/, '')
  const widgetUrl = `${site}${input.widgetPath}`
  const loaderUrl = `${site}/embed.js`
  const title = escapeHtml(input.title)
  const iframe = `<iframe src="${escapeHtml(widgetUrl)}" title="${title}" width="100%" height="${input.height ?? 480}" style="border:0" loading="lazy"></iframe>`
  const loader = `<div data-practice-hub-embed="${escapeHtml(input.widgetPath)}" data-title="${title}"></div>\n<script src="${escapeHtml(loaderUrl)}" async></script>`
  return { iframe, loader, widgetUrl, loaderUrl }
}

/** Escapes a value for a double-quoted HTML attribute. */
/** A URL path segment decoded, or null when it is not valid percent-encoding (→ 404, not 500). */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
