import { Feed } from 'feed'

import { cleanText, escapeHtml } from './html'
import { isResourceKind, KIND_LABELS, type ResourceKind } from './kinds'

export const FEED_FORMATS = {
  'rss.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
} as const

export type FeedFormat = keyof typeof FEED_FORMATS

export type FeedScope =
  { type: 'all' } | { type: 'kind'; kind: ResourceKind } | { type: 'topic' | 'org'; slug: string }

export type FeedRequest = { scope: FeedScope; format: FeedFormat }

export type FeedItem = {
  kind: ResourceKind
  title: string
  summary: string
  url: string
  publishedAt: string | null
  image?: string
  enclosure?: { url: string; length: number; type: string }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Reads a feed path: `rss.xml`, `scripts/atom.xml`, `topic/yifeng-yisu/feed.json`,
 * `org/liuxi/rss.xml`. Anything else is null (a 404).
 */
export function parseFeedPath(segments: string[]): FeedRequest | null {
  const format = segments.at(-1) as FeedFormat
  if (!(format in FEED_FORMATS)) return null
  const scopePath = segments.slice(0, -1)
  if (scopePath.length === 0) return { scope: { type: 'all' }, format }
  if (scopePath.length === 1 && isResourceKind(scopePath[0])) {
    return { scope: { type: 'kind', kind: scopePath[0] }, format }
  }
  const [type, slug] = scopePath
  if (scopePath.length === 2 && (type === 'topic' || type === 'org') && SLUG.test(slug)) {
    return { scope: { type, slug }, format }
  }
  return null
}

/** The portal path of a feed. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  switch (scope.type) {
    case 'all':
      return `/feeds/${format}`
    case 'kind':
      return `/feeds/${scope.kind}/${format}`
    default:
      return `/feeds/${scope.type}/${scope.slug}/${format}`
  }
}

type FeedMeta = { siteName: string; siteUrl: string; title: string; scope: FeedScope }

/**
 * Renders items as RSS 2.0, Atom 1.0 or JSON Feed 1.1 (the feed library, upgraded to 1.1).
 *
 * Titles and summaries are plain text. RSS and Atom readers (and the media centers' importers)
 * take `title`, `description` and Atom's `type="html"` fields as HTML, so they get the text
 * escaped: a summary `<script>` arrives as the characters, never as an element. JSON Feed has
 * plain-text fields of its own (`title`, `summary`, `content_text`) and gets no `content_html`.
 */
export function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItem[]): string {
  const self = (f: FeedFormat) => `${meta.siteUrl}${feedPath(meta.scope, f)}`
  const asHtml = format !== 'feed.json'
  const text = (value: string) => (asHtml ? escapeHtml(value) : cleanText(value))
  const updated = items
    .map((item) => (item.publishedAt ? new Date(item.publishedAt) : null))
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0]
  const feed = new Feed({
    // Feed-level fields are XML text (the library escapes them), item fields HTML in CDATA.
    title: cleanText(meta.title),
    description: cleanText(`${meta.siteName}：最新的宣讲稿、方言短视频、乡土教材和品牌项目案例`),
    id: self(format),
    link: `${meta.siteUrl}/`,
    language: 'zh-CN',
    copyright: cleanText(meta.siteName),
    updated: updated ?? new Date(0),
    generator: 'Practice Hub',
    feedLinks: { rss: self('rss.xml'), atom: self('atom.xml'), json: self('feed.json') },
  })
  for (const item of items) {
    feed.addItem({
      title: text(`［${KIND_LABELS[item.kind].short}］${item.title}`),
      id: item.url,
      link: item.url,
      description: text(item.summary),
      date: item.publishedAt ? new Date(item.publishedAt) : new Date(0),
      published: item.publishedAt ? new Date(item.publishedAt) : undefined,
      // RSS allows one enclosure per item: the video file when there is one, else the picture.
      ...(item.enclosure ? { enclosure: item.enclosure } : { image: item.image }),
    })
  }
  if (format === 'rss.xml') return feed.rss2()
  if (format === 'atom.xml') return feed.atom1()
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & {
    items: Record<string, unknown>[]
  }
  return JSON.stringify(
    {
      ...json,
      version: 'https://jsonfeed.org/version/1.1',
      language: 'zh-CN',
      items: json.items.map(({ content_html: summary, ...item }) => ({
        ...item,
        summary,
        content_text: summary,
        language: 'zh-CN',
      })),
    },
    null,
    2,
  )
}
