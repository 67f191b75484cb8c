import type { Case, Media, Org, Script, Textbook, Topic, Video } from '@/payload-types'
import { formatDuration } from '@/lib/format'
import { type DocId, idOf } from '@/lib/ids'
import { resourcePath, type ResourceKind } from '@/lib/kinds'
import { AUDIENCES, DIALECTS, labelOf, SCRIPT_FORMATS } from '@/lib/vocabulary'

import type { ImageSource, OrgRef, PortalImage, RelatedRef, ResourceCard, TopicRef } from './types'

type AnyResource = Script | Video | Textbook | Case

/** An image for the portal, with its WebP renditions for `srcset`; null when not populated. */
export function toImage(value: unknown): PortalImage | null {
  if (!value || typeof value !== 'object') return null
  const media = value as Media
  if (!media.url) return null
  const sources: ImageSource[] = []
  for (const size of [media.sizes?.thumbnail, media.sizes?.card, media.sizes?.hero]) {
    if (size?.url && size.width && size.height) {
      sources.push({ url: size.url, width: size.width, height: size.height })
    }
  }
  const largest = sources.at(-1)
  return {
    alt: media.alt,
    src: largest?.url ?? media.url,
    width: largest?.width ?? media.width ?? 1600,
    height: largest?.height ?? media.height ?? 900,
    sources,
    placeholder: media.blurDataURL ?? null,
  }
}

export function toOrg(value: unknown): OrgRef | null {
  if (!value || typeof value !== 'object') return null
  const org = value as Org
  return { slug: org.slug ?? '', name: org.name, level: org.level }
}

export function toTopics(values: unknown): TopicRef[] {
  if (!Array.isArray(values)) return []
  return values
    .filter((value): value is Topic => Boolean(value) && typeof value === 'object')
    .map((topic) => ({ slug: topic.slug ?? '', name: topic.name }))
}

/** Short facts for a card: the few figures a lecturer scans for. */
function factsOf(kind: ResourceKind, doc: AnyResource): string[] {
  switch (kind) {
    case 'scripts': {
      const script = doc as Script
      return [labelOf(SCRIPT_FORMATS, script.format), `${script.durationMinutes} 分钟`]
    }
    case 'videos': {
      const video = doc as Video
      return [labelOf(DIALECTS, video.dialect), formatDuration(video.durationSeconds ?? 0)]
    }
    case 'textbooks': {
      const textbook = doc as Textbook
      return [`${textbook.chapters?.length ?? 0} 章`, `约 ${textbook.readingMinutes ?? 0} 分钟读完`]
    }
    case 'cases': {
      const item = doc as Case
      return [`服务 ${item.outcomes?.peopleServed ?? 0} 人次`]
    }
  }
}

export function toCard(kind: ResourceKind, doc: AnyResource): ResourceCard {
  const cover = kind === 'videos' ? ((doc as Video).poster ?? doc.cover) : doc.cover
  return {
    kind,
    slug: doc.slug ?? '',
    title: doc.title,
    summary: doc.summary,
    cover: toImage(cover),
    org: toOrg(doc.org),
    topics: toTopics(doc.topics),
    publishedAt: doc.publishedAt ?? null,
    facts: factsOf(kind, doc).filter(Boolean),
  }
}

/** Related resources that are populated, i.e. visible to the reader who asked. */
export function toRelated(values: AnyResource['related']): RelatedRef[] {
  if (!values) return []
  return values.flatMap((entry) => {
    const value = entry.value
    if (!value || typeof value !== 'object' || !value.slug) return []
    if ((value as { _status?: string })._status !== 'published') return []
    return [{ kind: entry.relationTo, slug: value.slug, title: value.title }]
  })
}

/** Every related document, public or not, by id: what a page's related list depends on. */
export function toRelatedIds(values: AnyResource['related']): { kind: ResourceKind; id: DocId }[] {
  return (values ?? []).flatMap((entry) => {
    const id = idOf(entry.value)
    return id === null ? [] : [{ kind: entry.relationTo, id }]
  })
}

export const audienceLabels = (values: Script['audience']) =>
  (values ?? []).map((value) => labelOf(AUDIENCES, value))

export { resourcePath }
