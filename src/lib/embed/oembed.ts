import { escapeHtml } from '@/lib/html'

import { isResourceKind, KIND_LABELS, resourcePath, type ResourceKind } from '../kinds'
import { resourceWidgetPath } from './options'

/** An oEmbed 1.0 response (https://oembed.com/ §2.3.4) for one of our resources. */
export type OEmbedResponse = {
  type: 'rich' | 'video'
  version: '1.0'
  title: string
  author_name?: string
  author_url?: string
  provider_name: string
  provider_url: string
  cache_age: number
  html: string
  width: number
  height: number
  thumbnail_url?: string
  thumbnail_width?: number
  thumbnail_height?: number
}

/** What the oEmbed builder needs to know about a published resource. */
export type OEmbedSource = {
  kind: ResourceKind
  slug: string
  title: string
  org: { name: string; slug: string } | null
  /** Image renditions, any order; relative URLs are resolved against the site URL. */
  images: { url: string; width: number; height: number }[]
}

export const OEMBED_CACHE_AGE = 3600
/** Sizes a consumer gets without limits: a card, or the player (16:9) with its caption. */
const DEFAULT_SIZE: Record<'rich' | 'video', { width: number; height: number }> = {
  rich: { width: 480, height: 440 },
  video: { width: 640, height: 540 },
}
/** Larger limits are treated as this (a "maxwidth=1e308" must not produce nonsense). */
export const MAX_DIMENSION = 4096

export type OEmbedError = { status: 400 | 404 | 501; message: string }

/** A positive integer limit, clamped; missing or invalid values mean "no limit". */
export function parseDimension(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw)) return undefined
  const value = Math.floor(Number(raw))
  if (!Number.isFinite(value) || value < 1) return undefined
  return Math.min(value, MAX_DIMENSION)
}

/**
 * Which resource a portal URL names, or why not: 400 for a missing or malformed URL, 404 for a URL
 * that is not ours or not a resource page. Detail pages and their widgets are both accepted.
 */
export function resourceFromUrl(
  raw: string | null | undefined,
  siteUrl: string,
): { kind: ResourceKind; slug: string } | OEmbedError {
  if (!raw || !raw.trim())
    return { status: 400, message: '缺少 url 参数：请提供本站资源页面的完整网址' }
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return {
      status: 400,
      message: 'url 参数不是有效的网址，应形如 https://站点域名/scripts/资源标识',
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { status: 400, message: 'url 参数只支持 http 或 https 网址' }
  }
  const site = new URL(siteUrl)
  const notOurs: OEmbedError = { status: 404, message: '不是本站的公开资源' }
  if (url.host.toLowerCase() !== site.host.toLowerCase()) return notOurs
  const base = site.pathname.replace(/\/+$/, '')
  if (!url.pathname.startsWith(`${base}/`)) return notOurs
  const parts = url.pathname.slice(base.length).split('/').filter(Boolean)
  if (parts[0] === 'embed') parts.shift()
  if (parts.length !== 2 || !isResourceKind(parts[0])) return notOurs
  let slug: string
  try {
    slug = decodeURIComponent(parts[1])
  } catch {
    return notOurs
  }
  if (!/^[a-z0-9][a-z0-9-]{0,119}$/.test(slug)) return notOurs
  return { kind: parts[0], slug }
}

export function isOEmbedError(value: unknown): value is OEmbedError {
  return typeof value === 'object' && value !== null && 'status' in value && 'message' in value
}

/** The frame size that fits the limits; videos keep their proportions. */
function fit(type: 'rich' | 'video', maxwidth?: number, maxheight?: number) {
  const size = DEFAULT_SIZE[type]
  let width = Math.min(size.width, maxwidth ?? size.width)
  let height =
    type === 'video'
      ? Math.round((width * size.height) / size.width)
      : Math.min(size.height, maxheight ?? size.height)
  if (maxheight !== undefined && height > maxheight) {
    height = maxheight
    if (type === 'video') width = Math.min(width, Math.round((height * size.width) / size.height))
  }
  return { width: Math.max(1, width), height: Math.max(1, height) }
}

/** The oEmbed answer for a published resource, within `maxwidth`/`maxheight`. */
export function buildOEmbed(
  source: OEmbedSource,
  site: { name: string; url: string },
  limits: { maxwidth?: number; maxheight?: number } = {},
): OEmbedResponse {
  const siteUrl = site.url.replace(/\/+$/, '')
  const absolute = (path: string) => (/^https?:\/\//.test(path) ? path : `${siteUrl}${path}`)
  const type = source.kind === 'videos' ? 'video' : 'rich'
  const { width, height } = fit(type, limits.maxwidth, limits.maxheight)
  const title = source.title
  const frameTitle = `${KIND_LABELS[source.kind].short}：${title}`
  const html =
    `<iframe src="${escapeHtml(absolute(resourceWidgetPath(source.kind, source.slug)))}"` +
    ` width="${width}" height="${height}" title="${escapeHtml(frameTitle)}"` +
    ` style="border:0" loading="lazy"${type === 'video' ? ' allow="fullscreen" allowfullscreen' : ''}></iframe>`
  const response: OEmbedResponse = {
    type,
    version: '1.0',
    title,
    provider_name: site.name,
    provider_url: `${siteUrl}/`,
    cache_age: OEMBED_CACHE_AGE,
    html,
    width,
    height,
  }
  if (source.org) {
    response.author_name = source.org.name
    response.author_url = absolute(`/orgs/${encodeURIComponent(source.org.slug)}`)
  }
  // The largest rendition that fits the consumer's limits; none when none fits.
  const thumbnail = [...source.images]
    .filter(
      (image) =>
        image.width > 0 &&
        image.height > 0 &&
        image.width <= (limits.maxwidth ?? Infinity) &&
        image.height <= (limits.maxheight ?? Infinity),
    )
    .sort((a, b) => b.width - a.width)[0]
  if (thumbnail) {
    response.thumbnail_url = absolute(thumbnail.url)
    response.thumbnail_width = thumbnail.width
    response.thumbnail_height = thumbnail.height
  }
  return response
}

/** Path of the precomputed oEmbed JSON of a resource (for discovery without a server). */
export function oembedJsonPath(kind: ResourceKind, slug: string): string {
  return `/oembed/${kind}/${encodeURIComponent(slug)}.json`
}

/** The portal page URL an oEmbed consumer would pass for a resource. */
export function resourceUrl(siteUrl: string, kind: ResourceKind, slug: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${resourcePath(kind, slug)}`
}
