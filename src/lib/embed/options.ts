import type { ResourceKind } from '../kinds'

/** How many items a list widget shows at most; the page always renders this many. */
export const EMBED_MAX_COUNT = 12
export const EMBED_DEFAULT_COUNT = 6

export type EmbedTheme = 'light' | 'dark'
export type EmbedLayout = 'list' | 'grid'

/** Display options of a widget, all carried in its URL query. */
export type EmbedOptions = {
  count: number
  layout: EmbedLayout
  theme: EmbedTheme
  /** `#rrggbb`, or null for the portal's own red. */
  accent: string | null
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key]
  const one = Array.isArray(value) ? value[0] : value
  return one === null ? undefined : one
}

/** A hex colour `#abc`, `abc`, `#aabbcc` or `aabbcc` as `#aabbcc`; anything else is null. */
export function parseAccent(raw: string | undefined | null): string | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((raw ?? '').trim())
  if (!match) return null
  const hex = match[1].toLowerCase()
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`
}

/** Widget options from a query; bad values are ignored and counts clamped, never an error. */
export function parseEmbedOptions(params: Params): EmbedOptions {
  const count = Number.parseInt(first(params, 'count') ?? '', 10)
  const layout = first(params, 'layout')
  const theme = first(params, 'theme')
  return {
    count: Number.isFinite(count)
      ? Math.min(EMBED_MAX_COUNT, Math.max(1, count))
      : EMBED_DEFAULT_COUNT,
    layout: layout === 'grid' ? 'grid' : 'list',
    theme: theme === 'dark' ? 'dark' : 'light',
    accent: parseAccent(first(params, 'accent')),
  }
}

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

/** Query keys only the server can apply (filters); these widget URLs are live-only. */
export const LIVE_ONLY_FILTERS = ['format', 'dialect', 'kind'] as const

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
  const title = escapeAttr(input.title)
  const iframe = `<iframe src="${escapeAttr(widgetUrl)}" title="${title}" width="100%" height="${input.height ?? 480}" style="border:0" loading="lazy"></iframe>`
  const loader = `<div data-practice-hub-embed="${escapeAttr(input.widgetPath)}" data-title="${title}"></div>\n<script src="${escapeAttr(loaderUrl)}" async></script>`
  return { iframe, loader, widgetUrl, loaderUrl }
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** A URL path segment decoded, or null when it is not valid percent-encoding (→ 404, not 500). */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
