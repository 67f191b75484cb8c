import type { Metadata, Viewport } from 'next'

import type { PortalImage } from '@/data/types'

import { oembedJsonPath } from './embed/oembed'
import { FEED_FORMATS, type FeedFormat, feedPath, type FeedScope } from './feeds'
import { resourcePath, type ResourceKind } from './kinds'
import { serverUrl } from './serverUrl'

/** The share card shown when a page has no image of its own (public/og-default.png). */
export const DEFAULT_SHARE_IMAGE = {
  url: '/og-default.png',
  width: 1200,
  height: 630,
  alt: '文明实践资源库',
}

type ShareInput = {
  title: string
  description: string
  path: string
  image?: PortalImage | null
  type?: 'website' | 'article' | 'book' | 'video.other' | 'profile'
  /** oEmbed discovery: the resource whose precomputed oEmbed JSON this page advertises. */
  oembed?: { kind: ResourceKind; slug: string }
  /** The page's own feeds (a kind, topic or org), announced for feed readers. */
  feed?: FeedScope
}

const FEED_LABELS: Record<FeedFormat, string> = {
  'rss.xml': 'RSS',
  'atom.xml': 'Atom',
  'feed.json': 'JSON Feed',
}

/** Feed discovery links (`<link rel="alternate">`) for a scope, one per format. */
/** The web-app manifest and icons every portal page names (installable on phones). */
export const PORTAL_APP_ICONS = {
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [
      { url: '/icons/favicon-32.png', sizes: '32x32', type: 'image/png' },
      { url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { url: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { url: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png' },
    ],
    apple: '/icons/apple-touch-icon.png',
  },
} satisfies Metadata

export const PORTAL_VIEWPORT: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#a8332b',
}

export function feedAlternates(scope: FeedScope, title: string) {
  return Object.fromEntries(
    (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => [
      FEED_FORMATS[format].split(';')[0],
      [{ url: feedPath(scope, format), title: `${title} ${FEED_LABELS[format]}` }],
    ]),
  )
}

/** Canonical URL, OpenGraph and Twitter card for a page; relative URLs resolve against SITE_URL. */
export function shareMetadata({
  title,
  description,
  path,
  image,
  type = 'website',
  oembed,
  feed,
}: ShareInput): Metadata {
  const images = image
    ? [{ url: image.src, width: image.width, height: image.height, alt: image.alt }]
    : [DEFAULT_SHARE_IMAGE]
  return {
    title,
    description,
    alternates: {
      canonical: path,
      // oEmbed discovery points at a static file so it works in the static export too.
      ...(oembed || feed
        ? {
            types: {
              ...(feed ? feedAlternates(feed, title) : {}),
              ...(oembed
                ? {
                    'application/json+oembed': [
                      { url: oembedJsonPath(oembed.kind, oembed.slug), title },
                    ],
                  }
                : {}),
            },
          }
        : {}),
    },
    openGraph: { title, description, url: path, type, images, locale: 'zh_CN' },
    twitter: { card: 'summary_large_image', title, description, images: images.map((i) => i.url) },
  }
}

const SCHEMA_TYPE: Record<ResourceKind, string> = {
  scripts: 'Article',
  videos: 'VideoObject',
  textbooks: 'Book',
  cases: 'Article',
}

type JsonLdInput = {
  kind: ResourceKind
  slug: string
  title: string
  summary: string
  image: PortalImage | null
  publishedAt: string | null
  updatedAt: string
  orgName?: string
  /** Videos: ISO 8601 duration and file URL. */
  durationSeconds?: number
  contentUrl?: string | null
}

const absolute = (path: string) => (/^https?:/.test(path) ? path : `${serverUrl()}${path}`)

/** schema.org structured data for a resource's detail page. */
export function resourceJsonLd(input: JsonLdInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': SCHEMA_TYPE[input.kind],
    name: input.title,
    headline: input.title,
    description: input.summary,
    url: absolute(resourcePath(input.kind, input.slug)),
    inLanguage: 'zh-CN',
    datePublished: input.publishedAt ?? undefined,
    dateModified: input.updatedAt,
  }
  if (input.image)
    data[input.kind === 'videos' ? 'thumbnailUrl' : 'image'] = absolute(input.image.src)
  if (input.orgName) data.publisher = { '@type': 'Organization', name: input.orgName }
  if (input.kind === 'videos') {
    data.uploadDate = input.publishedAt ?? input.updatedAt
    if (input.durationSeconds) data.duration = `PT${input.durationSeconds}S`
    if (input.contentUrl) data.contentUrl = absolute(input.contentUrl)
  }
  return data
}

/** JSON for a `<script type="application/ld+json">`, safe against `</script>` in content. */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
