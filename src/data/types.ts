import type { ResourceKind } from '@/lib/kinds'

/** The portal's own shapes: only what pages show, never raw admin documents. */

export type ImageSource = { url: string; width: number; height: number }

export type PortalImage = {
  alt: string
  /** Largest available rendition. */
  src: string
  width: number
  height: number
  /** Renditions for `srcset`, smallest first. */
  sources: ImageSource[]
  /** A tiny blurred WebP data URL shown while the image loads. */
  placeholder: string | null
}

export type TopicRef = { slug: string; name: string }
export type OrgRef = { slug: string; name: string; level: string }

export type ResourceCard = {
  kind: ResourceKind
  slug: string
  title: string
  summary: string
  cover: PortalImage | null
  org: OrgRef | null
  topics: TopicRef[]
  publishedAt: string | null
  /** Short facts for the card, e.g. "板凳课堂 · 15 分钟". */
  facts: string[]
}

export type RelatedRef = { kind: ResourceKind; slug: string; title: string }

type DetailBase = ResourceCard & {
  tags: string[]
  related: RelatedRef[]
  /** Every related document, public or not (for cache tags). */
  relatedIds: { kind: ResourceKind; id: DocId }[]
  updatedAt: string
}

export type ScriptDetail = DetailBase & {
  format: string
  audience: string[]
  dialect: string
  durationMinutes: number
  speakingMinutes: number
  wordCount: number
  keyPoints: string[]
  body: unknown
}

export type VideoDetail = DetailBase & {
  dialect: string
  durationSeconds: number
  videoUrl: string | null
  videoType: string | null
  poster: PortalImage | null
  description: string
  subtitlesUrl: string | null
  transcript: string
}

export type TextbookDetail = DetailBase & {
  audience: string[]
  chapters: { title: string; anchor: string; body: unknown }[]
  pdf: { url: string; filename: string; filesize: number } | null
  wordCount: number
  readingMinutes: number
}

export type CaseDetail = DetailBase & {
  loop: { order: string; dispatch: string; accept: string; review: string }
  outcomes: { volunteers: number; activities: number; peopleServed: number; year: number | null }
  body: unknown
  gallery: (PortalImage & { caption: string })[]
}

/** A document id: a number on SQLite, a string on MongoDB. */
export type { DocId } from '@/lib/ids'
import type { DocId } from '@/lib/ids'

export type OrgNode = {
  id: DocId
  slug: string
  name: string
  level: string
  parent: DocId | null
  description: string
}

export type TopicNode = {
  id: DocId
  slug: string
  name: string
  parent: DocId | null
  description: string
}

export type ResourcePage = {
  cards: ResourceCard[]
  total: number
  page: number
  pages: number
}
