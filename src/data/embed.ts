import { EMBED_MAX_COUNT, type EmbedListScope } from '@/lib/embed/options'
import type { OEmbedSource } from '@/lib/embed/oembed'
import { KIND_LABELS, RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { parseListQuery, type ListQuery } from '@/lib/listQuery'
import { DIALECTS, labelOf } from '@/lib/vocabulary'
import type { Case, Script, Textbook, Video } from '@/payload-types'

import { toCard, toImage } from './mappers'
import { payloadClient } from './payload'
import { PUBLIC_READ, publicWhere } from './public'
import { listLatest, listWhere } from './resources'
import { getOrg, getTopic } from './taxonomy'
import type { PortalImage, ResourceCard } from './types'

/**
 * Widgets and oEmbed read only published content, always with public access — never the preview
 * draft a signed-in editor might be looking at, since a widget page is cached and shared.
 */

export type EmbedVideo = {
  url: string | null
  type: string | null
  poster: PortalImage | null
  subtitlesUrl: string | null
  dialect: string
  durationSeconds: number
}

export type EmbedResource = { card: ResourceCard; video: EmbedVideo | null }

type Raw = Record<string, string | string[] | undefined> | URLSearchParams

/** One published resource for its widget (with the player's sources for a video), or null. */
export async function getEmbedResource(kind: ResourceKind, slug: string): Promise<EmbedResource | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere({ slug: { equals: slug } }),
    limit: 1,
    depth: 1,
    ...PUBLIC_READ,
  })
  const doc = docs[0] as Script | Video | Textbook | Case | undefined
  if (!doc) return null
  const card = toCard(kind, doc)
  if (kind !== 'videos') return { card, video: null }
  const video = doc as Video
  const file = typeof video.videoFile === 'object' ? video.videoFile : null
  return {
    card,
    video: {
      url: file?.url ?? null,
      type: file?.mimeType ?? null,
      poster: toImage(video.poster) ?? toImage(video.cover),
      subtitlesUrl: video.subtitles ? `/videos/${encodeURIComponent(slug)}/subtitles.vtt` : null,
      dialect: labelOf(DIALECTS, video.dialect),
      durationSeconds: video.durationSeconds ?? 0,
    },
  }
}

export type EmbedList = {
  /** Heading of the widget, e.g. "宣讲稿" or "移风易俗". */
  title: string
  /** The portal page with the full list. */
  portalPath: string
  cards: ResourceCard[]
}

/** Only the filters a widget offers: format and dialect (and kind for topic and org lists). */
function widgetQuery(kind: ResourceKind, params: Raw): ListQuery {
  const plain =
    params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params
  const { format, dialect } = parseListQuery(kind, {
    format: plain.format,
    dialect: plain.dialect,
  })
  return { sort: 'newest', page: 1, format, dialect }
}

/**
 * The newest published resources of a widget's scope: one kind, or all kinds under a topic's or
 * an org's subtree (newest first across kinds), optionally filtered; null for an unknown topic or
 * org. Filters a kind does not have exclude that kind, so `format` narrows to lecture scripts.
 */
export async function listEmbedCards(scope: EmbedListScope, params: Raw = {}): Promise<EmbedList | null> {
  if (scope.type === 'kind') {
    const where = await listWhere(scope.kind, widgetQuery(scope.kind, params))
    return {
      title: KIND_LABELS[scope.kind].name,
      portalPath: `/${scope.kind}`,
      cards: where ? await listLatest(scope.kind, EMBED_MAX_COUNT, where) : [],
    }
  }
  const node = scope.type === 'topic' ? await getTopic(scope.slug) : await getOrg(scope.slug)
  if (!node) return null
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key]
    return (Array.isArray(value) ? value[0] : value) ?? undefined
  }
  const onlyKind = get('kind')
  // Valid filters exclude the kinds that do not have them; invalid values are ignored.
  const { format, dialect } = parseListQuery('scripts', {
    format: get('format'),
    dialect: get('dialect'),
  })
  const perKind = await Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      if (onlyKind && onlyKind !== kind && RESOURCE_KINDS.includes(onlyKind as ResourceKind)) return []
      const filters = widgetQuery(kind, params)
      if ((format && !filters.format) || (dialect && !filters.dialect)) return []
      const where = await listWhere(kind, { ...filters, [scope.type]: scope.slug })
      return where ? listLatest(kind, EMBED_MAX_COUNT, where) : []
    }),
  )
  const cards = perKind
    .flat()
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, EMBED_MAX_COUNT)
  return {
    title: node.name,
    portalPath: `/${scope.type === 'topic' ? 'topics' : 'orgs'}/${encodeURIComponent(scope.slug)}`,
    cards,
  }
}

/** What oEmbed says about a published resource, or null when there is none. */
export async function getOEmbedSource(kind: ResourceKind, slug: string): Promise<OEmbedSource | null> {
  const cards = await listLatest(kind, 1, { slug: { equals: slug } })
  const card = cards[0]
  if (!card) return null
  const images = card.cover
    ? card.cover.sources.length > 0
      ? card.cover.sources
      : [{ url: card.cover.src, width: card.cover.width, height: card.cover.height }]
    : []
  return {
    kind,
    slug: card.slug,
    title: card.title,
    org: card.org ? { name: card.org.name, slug: card.org.slug } : null,
    images,
  }
}
