import { KIND_LABELS, RESOURCE_KINDS, resourcePath } from '@/lib/kinds'
import type { FeedItem, FeedScope } from '@/lib/feeds'
import { memoUntilChange } from '@/lib/contentGeneration'
import { serverUrl } from '@/lib/serverUrl'
import type { Video, VideoFile } from '@/payload-types'

import { cardTags, scopeTags } from './cacheTags'
import { payloadClient } from './payload'
import { PUBLIC_READ, publicWhere } from './public'
import { listAcrossKinds, listLatest } from './resources'
import { getSiteSettings } from './site'
import { getOrg, getTopic } from './taxonomy'
import type { ResourceCard } from './types'

const LIMIT = 30

async function cardsFor(scope: FeedScope): Promise<{ title: string; cards: ResourceCard[] } | null> {
  if (scope.type === 'kind') {
    return { title: KIND_LABELS[scope.kind].name, cards: await listLatest(scope.kind, LIMIT) }
  }
  if (scope.type === 'all') {
    const lists = await Promise.all(RESOURCE_KINDS.map((kind) => listLatest(kind, LIMIT)))
    return { title: '', cards: lists.flat() }
  }
  const named = scope.type === 'topic' ? await getTopic(scope.slug) : await getOrg(scope.slug)
  if (!named) return null
  const pages = await listAcrossKinds({ [scope.type]: scope.slug } as { org: string }, LIMIT)
  return { title: named.name, cards: Object.values(pages).flatMap((page) => page.cards) }
}

type FeedContent = { siteName: string; title: string; items: FeedItem[]; tags: string[] }

/**
 * Published resources for a feed, newest first, with video files as enclosures; null: no such
 * scope. A scope's RSS, Atom and JSON Feed render one after another after a change: one read
 * serves the three until the next change.
 */
export function feedContent(scope: FeedScope): Promise<FeedContent | null> {
  return memoUntilChange(`feed:${JSON.stringify(scope)}`, () => loadFeedContent(scope))
}

async function loadFeedContent(scope: FeedScope): Promise<FeedContent | null> {
  const found = await cardsFor(scope)
  if (!found) return null
  const site = await getSiteSettings()
  const origin = serverUrl()
  const cards = found.cards
    .sort((a, b) => Date.parse(b.publishedAt ?? '0') - Date.parse(a.publishedAt ?? '0'))
    .slice(0, LIMIT)
  const videoSlugs = cards.filter((card) => card.kind === 'videos').map((card) => card.slug)
  const enclosures = new Map<string, FeedItem['enclosure']>()
  if (videoSlugs.length > 0) {
    const payload = await payloadClient()
    const { docs } = await payload.find({
      collection: 'videos',
      where: publicWhere({ slug: { in: videoSlugs } }),
      depth: 1,
      limit: videoSlugs.length,
      select: { slug: true, videoFile: true },
      ...PUBLIC_READ,
    })
    for (const doc of docs as Video[]) {
      const file = doc.videoFile as VideoFile | null | undefined
      if (file && typeof file === 'object' && file.url) {
        enclosures.set(doc.slug ?? '', {
          url: new URL(file.url, origin).toString(),
          length: file.filesize ?? 0,
          type: file.mimeType ?? 'video/mp4',
        })
      }
    }
  }
  return {
    siteName: site.name,
    title: found.title ? `${site.name} · ${found.title}` : site.name,
    tags: [...scopeTags(scope), ...cardTags(cards)],
    items: cards.map((card) => ({
      kind: card.kind,
      title: card.title,
      summary: card.summary,
      url: `${origin}${resourcePath(card.kind, card.slug)}`,
      publishedAt: card.publishedAt,
      image: card.cover ? new URL(card.cover.src, origin).toString() : undefined,
      enclosure: card.kind === 'videos' ? enclosures.get(card.slug) : undefined,
    })),
  }
}
