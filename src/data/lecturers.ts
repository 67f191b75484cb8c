import type { Where } from 'payload'
import { cache } from 'react'

import { idOf } from '@/lib/ids'
import type { ResourceKind } from '@/lib/kinds'
import { ORDERABLE_KINDS, type OrderableKind } from '@/lib/orders/submission'
import { DIALECTS, labelOf } from '@/lib/vocabulary'
import type { Lecturer, Order } from '@/payload-types'

import { toImage } from './mappers'
import { payloadClient } from './payload'
import { PUBLIC_READ, publicWhere } from './public'
import type { PortalImage } from './types'

/** Ratings are shown once there are at least this many (fewer say little and identify people). */
export const MIN_RATINGS_SHOWN = 3

export type RatingSummary = { average: number; count: number }

export type LecturerLink = { slug: string; name: string; kind: string }

export type LecturerCard = LecturerLink & {
  team: string
  org: { name: string; slug: string } | null
  dialects: string[]
  topics: { name: string; slug: string }[]
  bio: string
  photo: PortalImage | null
}

export type LecturerDetail = LecturerCard & {
  id: number | string
  rating: RatingSummary | null
  comments: { text: string; at: string; score: number }[]
  resources: { kind: ResourceKind; slug: string; title: string; summary: string }[]
}

const kindLabel = (kind: string | null | undefined) => (kind === 'team' ? '宣讲团' : '宣讲员')

function toCard(doc: Lecturer): LecturerCard {
  const org = doc.org && typeof doc.org === 'object' ? doc.org : null
  return {
    slug: doc.slug ?? '',
    name: doc.displayName,
    kind: kindLabel(doc.kind),
    team: doc.team ?? '',
    org: org ? { name: org.name, slug: org.slug ?? '' } : null,
    dialects: (doc.dialects ?? []).map((value) => labelOf(DIALECTS, value)),
    topics: (doc.topics ?? []).flatMap((topic) =>
      topic && typeof topic === 'object' ? [{ name: topic.name, slug: topic.slug ?? '' }] : [],
    ),
    bio: doc.bio ?? '',
    photo: toImage(doc.photo),
  }
}

const CARD_POPULATE = {
  orgs: { name: true, slug: true },
  topics: { name: true, slug: true },
} as const

/** Every published lecturer and team, by name. */
export const listLecturers = cache(async (): Promise<LecturerCard[]> => {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'lecturers',
    where: publicWhere(),
    sort: 'displayName',
    pagination: false,
    limit: 0,
    depth: 1,
    populate: CARD_POPULATE,
    ...PUBLIC_READ,
  })
  return (docs as Lecturer[]).map(toCard)
})

/** Slugs of the published profiles (for prerendering). */
export async function listLecturerSlugs(): Promise<string[]> {
  return (await listLecturers()).map((card) => card.slug)
}

/**
 * The residents' ratings of rated orders matching `where`: only the scores are read, never who
 * gave them; null below MIN_RATINGS_SHOWN.
 */
export async function ratingSummary(where: Where): Promise<RatingSummary | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'orders',
    where: { and: [{ status: { equals: 'rated' } }, where] },
    pagination: false,
    limit: 0,
    depth: 0,
    select: { rating: true },
    overrideAccess: true,
  })
  const scores = (docs as Pick<Order, 'rating'>[])
    .map((doc) => doc.rating)
    .filter((score): score is number => typeof score === 'number')
  if (scores.length < MIN_RATINGS_SHOWN) return null
  const average = scores.reduce((sum, score) => sum + score, 0) / scores.length
  return { average: Math.round(average * 10) / 10, count: scores.length }
}

/** A published profile with its topics, ratings, approved comments and the talks it gives. */
export const getLecturer = cache(async (slug: string): Promise<LecturerDetail | null> => {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'lecturers',
    where: publicWhere({ slug: { equals: slug } }),
    limit: 1,
    depth: 1,
    populate: CARD_POPULATE,
    ...PUBLIC_READ,
  })
  const doc = docs[0] as Lecturer | undefined
  if (!doc) return null
  const [rating, comments, resources] = await Promise.all([
    ratingSummary({ assignee: { equals: doc.id } }),
    payload.find({
      collection: 'orders',
      where: {
        and: [{ assignee: { equals: doc.id } }, { commentReview: { equals: 'approved' } }],
      },
      sort: '-ratedAt',
      limit: 5,
      depth: 0,
      select: { ratingComment: true, ratedAt: true, rating: true },
      overrideAccess: true,
    }),
    Promise.all(
      ORDERABLE_KINDS.map(async (kind) => {
        const found = await payload.find({
          collection: kind,
          where: publicWhere({ speakers: { contains: doc.id } }),
          sort: '-publishedAt',
          limit: 20,
          depth: 0,
          select: { title: true, slug: true, summary: true },
          ...PUBLIC_READ,
        })
        return found.docs.map((item) => ({
          kind,
          slug: String(item.slug ?? ''),
          title: String(item.title ?? ''),
          summary: String(item.summary ?? ''),
        }))
      }),
    ),
  ])
  return {
    ...toCard(doc),
    id: doc.id,
    rating,
    comments: (comments.docs as Pick<Order, 'ratingComment' | 'ratedAt' | 'rating'>[]).flatMap(
      (order) =>
        order.ratingComment
          ? [{ text: order.ratingComment, at: order.ratedAt ?? '', score: order.rating ?? 0 }]
          : [],
    ),
    resources: resources.flat(),
  }
})

/** Who gives a resource's talk (published profiles) and how residents rated it. */
export async function resourceSpeakersAndRating(
  kind: OrderableKind,
  slug: string,
): Promise<{ speakers: LecturerLink[]; rating: RatingSummary | null }> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere({ slug: { equals: slug } }),
    limit: 1,
    depth: 1,
    select: { speakers: true },
    populate: { lecturers: { displayName: true, slug: true, kind: true, _status: true } },
    ...PUBLIC_READ,
  })
  const doc = docs[0] as { id: number | string; speakers?: unknown[] } | undefined
  if (!doc) return { speakers: [], rating: null }
  const speakers = (doc.speakers ?? []).flatMap((value) => {
    const profile = value as Partial<Lecturer> | null
    if (!profile || typeof profile !== 'object' || idOf(profile) === null) return []
    if (profile._status !== 'published' || !profile.slug) return []
    return [{ slug: profile.slug, name: profile.displayName ?? '', kind: kindLabel(profile.kind) }]
  })
  return { speakers, rating: await ratingSummary({ resourceKey: { equals: `${kind}/${doc.id}` } }) }
}
