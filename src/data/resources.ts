import { sql } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'
import { cache } from 'react'

import { memoUntilChange } from '@/lib/contentGeneration'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { PAGE_SIZE, type ListQuery } from '@/lib/listQuery'
import { subtreeIds } from '@/lib/tree'
import { DIALECTS, labelOf, SCRIPT_FORMATS } from '@/lib/vocabulary'
import type { Case, Script, Textbook, Video } from '@/payload-types'

import { audienceLabels, toCard, toImage, toRelated, toRelatedIds } from './mappers'
import { payloadClient } from './payload'
import { previewUser } from './preview'
import { PUBLIC_READ, publicWhere } from './public'
import { listOrgs, orgSubtreeIds, topicSubtreeIds } from './taxonomy'
import type {
  CaseDetail,
  ResourceCard,
  ResourcePage,
  ScriptDetail,
  TextbookDetail,
  VideoDetail,
} from './types'

/** Fields a card needs; keeps list queries small. */
export const CARD_SELECT = {
  title: true,
  slug: true,
  summary: true,
  cover: true,
  org: true,
  topics: true,
  publishedAt: true,
  format: true,
  durationMinutes: true,
  dialect: true,
  durationSeconds: true,
  poster: true,
  chapters: { title: true },
  readingMinutes: true,
  outcomes: true,
} as const

/**
 * What cards and detail pages show of a populated org or topic (toOrg, toTopics): without it each
 * card also loaded their descriptions and breadcrumb arrays.
 */
export const TAXONOMY_POPULATE = {
  orgs: { name: true, slug: true, level: true },
  topics: { name: true, slug: true },
} as const

/** Latest published resources of one kind, newest first. */
export async function listLatest(kind: ResourceKind, limit = 6, where?: Where): Promise<ResourceCard[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere(where),
    sort: '-publishedAt',
    limit,
    depth: 1,
    select: CARD_SELECT,
    populate: TAXONOMY_POPULATE,
    ...PUBLIC_READ,
  })
  return docs.map((doc) => toCard(kind, doc as Script | Video | Textbook | Case))
}

/** Number of published resources of each kind. */
export async function countByKind(): Promise<Record<ResourceKind, number>> {
  const payload = await payloadClient()
  const counts = await Promise.all(
    RESOURCE_KINDS.map(
      async (kind) =>
        [kind, (await payload.count({ collection: kind, where: publicWhere(), ...PUBLIC_READ })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(counts) as Record<ResourceKind, number>
}

/**
 * How many of each kind's newest resources `next build` prerenders. The rest render on their first
 * request and are then cached like prerendered pages (`revalidate = false`), so build time stays
 * flat as a county's library grows (at 10,000 resources, prerendering all of them took most of the
 * export's time). PRERENDER_LIMIT overrides it; 0 prerenders none.
 */
export const PRERENDER_LIMIT = Number(process.env.PRERENDER_LIMIT ?? 48)

/** Slugs of the newest published resources of a kind (at most PRERENDER_LIMIT), for prerendering. */
export async function listPublishedSlugs(kind: ResourceKind): Promise<string[]> {
  if (PRERENDER_LIMIT <= 0) return []
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere(),
    sort: '-publishedAt',
    limit: PRERENDER_LIMIT,
    pagination: false,
    depth: 0,
    select: { slug: true },
    ...PUBLIC_READ,
  })
  return docs.map((doc) => doc.slug).filter((slug): slug is string => Boolean(slug))
}

/** What a populated related resource needs (toRelated): its link, title and status. */
const RELATED_POPULATE = Object.fromEntries(
  RESOURCE_KINDS.map((kind) => [kind, { slug: true, title: true, _status: true }]),
) as Record<ResourceKind, { slug: true; title: true; _status: true }>

/**
 * The published resource with this slug; in preview (draft mode with a staff session), its
 * latest draft instead, read with that user's own access so scopes still apply. Cached per
 * request: a detail page's metadata and body share one query.
 */
const findPublished = cache(async function findPublished<K extends ResourceKind>(
  kind: K,
  slug: string,
) {
  const payload = await payloadClient()
  const viewer = await previewUser()
  const { docs } = await payload.find({
    collection: kind,
    where: viewer ? { slug: { equals: slug } } : publicWhere({ slug: { equals: slug } }),
    limit: 1,
    // Depth 1 with related resources trimmed to what a related link shows: depth 2 populated every
    // relation of every related resource (their covers, orgs, topics and own related lists).
    depth: 1,
    populate: { ...TAXONOMY_POPULATE, ...RELATED_POPULATE },
    ...(viewer ? { draft: true, user: viewer, overrideAccess: false } : PUBLIC_READ),
  })
  return docs[0]
})

function detailBase(kind: ResourceKind, doc: Script | Video | Textbook | Case) {
  return {
    ...toCard(kind, doc),
    tags: doc.tags ?? [],
    related: toRelated(doc.related),
    relatedIds: toRelatedIds(doc.related),
    updatedAt: doc.updatedAt,
  }
}

export async function getScript(slug: string): Promise<ScriptDetail | null> {
  const doc = (await findPublished('scripts', slug)) as Script | undefined
  if (!doc) return null
  return {
    ...detailBase('scripts', doc),
    format: labelOf(SCRIPT_FORMATS, doc.format),
    audience: audienceLabels(doc.audience),
    dialect: labelOf(DIALECTS, doc.dialect),
    durationMinutes: doc.durationMinutes,
    speakingMinutes: doc.speakingMinutes ?? 0,
    wordCount: doc.wordCount ?? 0,
    keyPoints: (doc.keyPoints ?? []).map((item) => item.point),
    body: doc.body,
  }
}

export async function getVideo(slug: string): Promise<VideoDetail | null> {
  const doc = (await findPublished('videos', slug)) as Video | undefined
  if (!doc) return null
  const file = typeof doc.videoFile === 'object' ? doc.videoFile : null
  return {
    ...detailBase('videos', doc),
    dialect: labelOf(DIALECTS, doc.dialect),
    durationSeconds: doc.durationSeconds ?? 0,
    videoUrl: file?.url ?? null,
    videoType: file?.mimeType ?? null,
    poster: toImage(doc.poster) ?? toImage(doc.cover),
    description: doc.description ?? '',
    subtitlesUrl: doc.subtitles ? `/videos/${encodeURIComponent(slug)}/subtitles.vtt` : null,
    transcript: doc.transcript ?? '',
  }
}

/** The WebVTT track of a published video, or null. */
export async function getVideoSubtitles(slug: string): Promise<string | null> {
  const doc = (await findPublished('videos', slug)) as Video | undefined
  return doc?.subtitles ?? null
}

export async function getTextbook(slug: string): Promise<TextbookDetail | null> {
  const doc = (await findPublished('textbooks', slug)) as Textbook | undefined
  if (!doc) return null
  const pdf = typeof doc.pdf === 'object' && doc.pdf?.url ? doc.pdf : null
  return {
    ...detailBase('textbooks', doc),
    audience: audienceLabels(doc.audience),
    chapters: (doc.chapters ?? []).map((chapter, index) => ({
      title: chapter.title,
      anchor: chapter.anchor ?? `ch-${index + 1}`,
      body: chapter.body,
    })),
    pdf: pdf ? { url: pdf.url!, filename: pdf.filename ?? 'textbook.pdf', filesize: pdf.filesize ?? 0 } : null,
    wordCount: doc.wordCount ?? 0,
    readingMinutes: doc.readingMinutes ?? 0,
  }
}

export async function getCase(slug: string): Promise<CaseDetail | null> {
  const doc = (await findPublished('cases', slug)) as Case | undefined
  if (!doc) return null
  return {
    ...detailBase('cases', doc),
    loop: {
      order: doc.loop.order,
      dispatch: doc.loop.dispatch,
      accept: doc.loop.accept,
      review: doc.loop.review,
    },
    outcomes: {
      volunteers: doc.outcomes?.volunteers ?? 0,
      activities: doc.outcomes?.activities ?? 0,
      peopleServed: doc.outcomes?.peopleServed ?? 0,
      year: doc.outcomes?.year ?? null,
    },
    body: doc.body,
    gallery: (doc.gallery ?? []).flatMap((item) => {
      const image = toImage(item.image)
      return image ? [{ ...image, caption: item.caption ?? image.alt }] : []
    }),
  }
}

/** The field holding a kind's length, and how many of its units make a minute. */
const DURATION_FIELD: Partial<Record<ResourceKind, { field: string; perMinute: number }>> = {
  scripts: { field: 'durationMinutes', perMinute: 1 },
  videos: { field: 'durationSeconds', perMinute: 60 },
  textbooks: { field: 'readingMinutes', perMinute: 1 },
}

/**
 * The `where` for a validated list query, resolving topic and org slugs to their subtrees.
 * Returns null when a slug names no topic or org, so the list is empty rather than unfiltered.
 */
export async function listWhere(kind: ResourceKind, query: ListQuery): Promise<Where | null> {
  const and: Where[] = []
  if (query.topic) {
    const ids = await topicSubtreeIds(query.topic)
    if (!ids) return null
    and.push({ topics: { in: ids } })
  }
  if (query.org) {
    const ids = await orgSubtreeIds(query.org)
    if (!ids) return null
    and.push({ org: { in: ids } })
  }
  if (query.format) and.push({ format: { equals: query.format } })
  if (query.dialect) and.push({ dialect: { equals: query.dialect } })
  if (query.audience) and.push({ audience: { in: [query.audience] } })
  const duration = DURATION_FIELD[kind]
  if (duration && query.min !== undefined) {
    and.push({ [duration.field]: { greater_than_equal: query.min * duration.perMinute } })
  }
  if (duration && query.max !== undefined) {
    and.push({ [duration.field]: { less_than_equal: query.max * duration.perMinute } })
  }
  return and.length > 0 ? { and } : {}
}

/** One page of a kind's published resources matching a list query. */
export async function listResources(kind: ResourceKind, query: ListQuery): Promise<ResourcePage> {
  const where = await listWhere(kind, query)
  if (!where) return { cards: [], total: 0, page: 1, pages: 1 }
  const payload = await payloadClient()
  const duration = DURATION_FIELD[kind]
  const sort =
    query.sort === 'shortest' && duration ? [duration.field, '-publishedAt'] : ['-publishedAt']
  const count = await payload.count({ collection: kind, where: publicWhere(where), ...PUBLIC_READ })
  const pages = Math.max(1, Math.ceil(count.totalDocs / PAGE_SIZE))
  // A page past the end shows the last page rather than an empty list.
  const page = Math.min(query.page, pages)
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere(where),
    sort,
    limit: PAGE_SIZE,
    page,
    depth: 1,
    select: CARD_SELECT,
    populate: TAXONOMY_POPULATE,
    ...PUBLIC_READ,
  })
  return {
    cards: docs.map((doc) => toCard(kind, doc as Script | Video | Textbook | Case)),
    total: count.totalDocs,
    page,
    pages,
  }
}

/** Cards read per kind for a topic or org: enough for its page (24) and its feeds (30). */
const SCOPE_LIMIT = 30

/**
 * The newest published resources of each kind under a topic or org (with its subtree), and how
 * many there are. A scope's page and its three feeds all read this after a change: one set of
 * queries serves them until the next change (memoUntilChange).
 */
export async function listAcrossKinds(
  filter: { org: string } | { topic: string },
  limitPerKind = 24,
): Promise<Record<ResourceKind, ResourcePage>> {
  if (limitPerKind > SCOPE_LIMIT) return loadAcrossKinds(filter, limitPerKind)
  const all = await memoUntilChange(`across:${JSON.stringify(filter)}`, () =>
    loadAcrossKinds(filter, SCOPE_LIMIT),
  )
  return Object.fromEntries(
    RESOURCE_KINDS.map((kind) => {
      const page = all[kind]
      return [
        kind,
        {
          cards: page.cards.slice(0, limitPerKind),
          total: page.total,
          page: 1,
          pages: Math.max(1, Math.ceil(page.total / limitPerKind)),
        },
      ]
    }),
  ) as Record<ResourceKind, ResourcePage>
}

async function loadAcrossKinds(
  filter: { org: string } | { topic: string },
  limitPerKind: number,
): Promise<Record<ResourceKind, ResourcePage>> {
  const query: ListQuery = { sort: 'newest', page: 1, ...filter }
  const entries = await Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      const where = await listWhere(kind, query)
      if (!where) return [kind, { cards: [], total: 0, page: 1, pages: 1 }] as const
      const payload = await payloadClient()
      const result = await payload.find({
        collection: kind,
        where: publicWhere(where),
        sort: '-publishedAt',
        limit: limitPerKind,
        depth: 1,
        select: CARD_SELECT,
        populate: TAXONOMY_POPULATE,
        ...PUBLIC_READ,
      })
      const cards = result.docs.map((doc) => toCard(kind, doc as Script | Video | Textbook | Case))
      return [kind, { cards, total: result.totalDocs, page: 1, pages: result.totalPages }] as const
    }),
  )
  return Object.fromEntries(entries) as Record<ResourceKind, ResourcePage>
}

export type CountyFigures = {
  byKind: Record<ResourceKind, number>
  /** Published resources (all kinds) under each township's practice institute. */
  byTownship: { slug: string; name: string; count: number }[]
  /** People served by the county's brand projects, summed over published cases. */
  peopleServed: number
}

/** The county's figures at a glance, for the home page. */
export async function countyFigures(): Promise<CountyFigures> {
  const payload = await payloadClient()
  const [grouped, orgs, peopleServed] = await Promise.all([
    countPublishedByOrg(payload),
    listOrgs(),
    sumPeopleServed(payload),
  ])
  const byKind = grouped?.byKind ?? (await countByKind())
  const townships = orgs.filter((org) => org.level === 'institute')
  const byTownship = await Promise.all(
    townships.map(async (org) => {
      if (grouped) {
        const count = subtreeIds(orgs, org.id).reduce<number>(
          (sum, id) => sum + (grouped.perOrg.get(String(id)) ?? 0),
          0,
        )
        return { slug: org.slug, name: org.name, count }
      }
      const counts = await Promise.all(
        RESOURCE_KINDS.map(async (kind) => {
          const where = await listWhere(kind, { sort: 'newest', page: 1, org: org.slug })
          if (!where) return 0
          const result = await payload.count({
            collection: kind,
            where: publicWhere(where),
            ...PUBLIC_READ,
          })
          return result.totalDocs
        }),
      )
      return { slug: org.slug, name: org.name, count: counts.reduce((a, b) => a + b, 0) }
    }),
  )
  return { byKind, byTownship, peopleServed }
}

type SqlDatabase = {
  name?: string
  drizzle?: {
    get: (query: unknown) => Promise<unknown>
    all: (query: unknown) => Promise<unknown[]>
  }
}

type MongoCollection = {
  aggregate(pipeline: Record<string, unknown>[]): { toArray(): Promise<Record<string, unknown>[]> }
}

/** The driver's collection behind a Payload collection on MongoDB; null on other adapters. */
function mongoCollection(payload: Payload, slug: string): MongoCollection | null {
  const db = payload.db as unknown as {
    name?: string
    collections?: Record<string, { collection: MongoCollection } | undefined>
  }
  return db.name === 'mongoose' ? (db.collections?.[slug]?.collection ?? null) : null
}

/** Same rule as publicWhere(): published documents only. */
const PUBLISHED_MATCH = { $match: { _status: 'published' } }

/**
 * Published resources per org id (as a string) and per kind, counted in the database: one
 * `GROUP BY` per kind on SQLite, one `$group` per kind on MongoDB, instead of a count per township
 * and kind plus one per kind (21 queries, each a scan of the collection on FerretDB). Null on
 * other adapters, which count one by one.
 */
async function countPublishedByOrg(
  payload: Payload,
): Promise<{ perOrg: Map<string, number>; byKind: Record<ResourceKind, number> } | null> {
  const db = payload.db as unknown as SqlDatabase
  const sqlite = db.name === 'sqlite' && db.drizzle ? db.drizzle : null
  if (!sqlite && !mongoCollection(payload, 'scripts')) return null
  const perOrg = new Map<string, number>()
  const byKind = {} as Record<ResourceKind, number>
  for (const kind of RESOURCE_KINDS) {
    const rows = sqlite
      ? // `kind` is one of four fixed table names.
        ((await sqlite.all(
          sql.raw(
            `SELECT org_id AS org, COUNT(*) AS n FROM ${kind} WHERE _status = 'published' GROUP BY org_id`,
          ),
        )) as { org: unknown; n: unknown }[])
      : (
          await (mongoCollection(payload, kind) as MongoCollection)
            .aggregate([PUBLISHED_MATCH, { $group: { _id: '$org', n: { $sum: 1 } } }])
            .toArray()
        ).map((row) => ({ org: row._id, n: row.n }))
    byKind[kind] = 0
    for (const row of rows) {
      byKind[kind] += Number(row.n)
      if (row.org === null || row.org === undefined) continue
      const org = String(row.org)
      perOrg.set(org, (perOrg.get(org) ?? 0) + Number(row.n))
    }
  }
  return { perOrg, byKind }
}

/**
 * People served, summed over published cases in the database (one `SUM` on SQLite, one `$group`
 * on MongoDB): reading every case to add up one figure was the home page's only whole-collection
 * read (2,500 cases at 10,000 resources). Other adapters read only that field of each case.
 */
export async function sumPeopleServed(payload: Payload): Promise<number> {
  const db = payload.db as unknown as SqlDatabase
  if (db.name === 'sqlite' && db.drizzle) {
    const row = (await db.drizzle.get(
      sql`SELECT COALESCE(SUM(outcomes_people_served), 0) AS total FROM cases WHERE _status = 'published'`,
    )) as { total?: number | string } | undefined
    return Number(row?.total ?? 0)
  }
  const cases = mongoCollection(payload, 'cases')
  if (cases) {
    const [row] = await cases
      .aggregate([
        PUBLISHED_MATCH,
        { $group: { _id: null, total: { $sum: '$outcomes.peopleServed' } } },
      ])
      .toArray()
    return Number(row?.total ?? 0)
  }
  const { docs } = await payload.find({
    collection: 'cases',
    where: publicWhere(),
    pagination: false,
    limit: 0,
    depth: 0,
    select: { outcomes: { peopleServed: true } },
    ...PUBLIC_READ,
  })
  return (docs as Case[]).reduce((sum, item) => sum + (item.outcomes?.peopleServed ?? 0), 0)
}

/** Every published resource's path and last change, for the sitemap. */
export async function listPublishedEntries(
  kind: ResourceKind,
): Promise<{ slug: string; updatedAt: string }[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: kind,
    where: publicWhere(),
    pagination: false,
    limit: 0,
    depth: 0,
    sort: '-publishedAt',
    select: { slug: true, updatedAt: true },
    ...PUBLIC_READ,
  })
  return docs.flatMap((doc) => (doc.slug ? [{ slug: doc.slug, updatedAt: doc.updatedAt }] : []))
}
