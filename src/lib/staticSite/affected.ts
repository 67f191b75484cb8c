import type { Payload } from 'payload'

import { PUBLISHED } from '@/access/publishedOrAuthenticated'
import type { DocId } from '@/data/types'
import { loadTaxonomy, pathsShowing, relatedBacklinks } from '@/hooks/revalidateResource'
import { feedPathsFor } from '@/lib/feeds'
import type { ResourceKind } from '@/lib/kinds'
import { listQueryString, PAGE_SIZE } from '@/lib/listQuery'

type Ref = DocId | { id: DocId } | null | undefined

/** What the static site needs to know of a resource before or after a change. */
export type ResourceSnapshot = {
  id: DocId
  slug?: string | null
  _status?: 'draft' | 'published' | null
  publishedAt?: string | null
  org?: Ref
  topics?: Ref[] | null
}

/** A change to public content, as queued for the static publisher. */
export type StaticChange =
  | {
      type: 'resource'
      kind: ResourceKind
      before: ResourceSnapshot | null
      after: ResourceSnapshot | null
    }
  /** Orgs, topics and `site` show on every page: everything is rendered again. */
  | { type: 'all'; reason: string }

export function snapshotOf(
  doc: Record<string, unknown> | null | undefined,
): ResourceSnapshot | null {
  if (!doc || doc.id === undefined || doc.id === null) return null
  const ref = (value: unknown): Ref =>
    value && typeof value === 'object' ? { id: (value as { id: DocId }).id } : (value as Ref)
  return {
    id: doc.id as DocId,
    slug: (doc.slug as string | null | undefined) ?? null,
    _status: (doc._status as ResourceSnapshot['_status']) ?? null,
    publishedAt: (doc.publishedAt as string | null | undefined) ?? null,
    org: ref(doc.org),
    topics: Array.isArray(doc.topics) ? doc.topics.map(ref) : [],
  }
}

const isPublic = (doc: ResourceSnapshot | null): doc is ResourceSnapshot =>
  Boolean(doc?.slug && doc._status === 'published')

/**
 * The pages of a kind's list that a change moves: the page a resource sits on when only its card
 * changed, otherwise every page from its (old or new) position to the end, since the cards after
 * it shift by one. Positions count newer published resources, one page of slack either side for
 * equal publication times.
 */
async function listPages(
  payload: Payload,
  kind: ResourceKind,
  before: ResourceSnapshot | null,
  after: ResourceSnapshot | null,
): Promise<string[]> {
  const total = (await payload.count({ collection: kind, where: PUBLISHED, overrideAccess: true }))
    .totalDocs
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const pageOf = async (doc: ResourceSnapshot) => {
    if (!doc.publishedAt) return 1
    const newer = await payload.count({
      collection: kind,
      where: { and: [PUBLISHED, { publishedAt: { greater_than: doc.publishedAt } }] },
      overrideAccess: true,
    })
    return Math.floor(newer.totalDocs / PAGE_SIZE) + 1
  }
  const shown = [before, after].filter(isPublic)
  if (shown.length === 0) return []
  const moved =
    shown.length === 1 || before?.publishedAt !== after?.publishedAt || before?.slug !== after?.slug
  const positions = await Promise.all(shown.map(pageOf))
  const first = Math.max(1, Math.min(...positions) - 1)
  // A removal can drop the last page: the one before it must lose its link to it.
  const last = moved ? pages + 1 : Math.min(pages, Math.max(...positions) + 1)
  const paths: string[] = []
  for (let page = first; page <= last; page += 1) paths.push(`/${kind}${listQueryString({ page })}`)
  return paths
}

/**
 * Every portal URL whose output a change can alter, most visible first: the resource's own pages,
 * pages that link to it as related, the home page and the first list page, topic and org pages
 * (with ancestors), feeds, the sitemap, then the rest of the list pages it shifts.
 */
export async function sourcesForChange(
  payload: Payload,
  change: StaticChange,
): Promise<string[] | 'all'> {
  if (change.type === 'all') return 'all'
  const { kind, before, after } = change
  if (!isPublic(before) && !isPublic(after)) return []
  const taxonomy = await loadTaxonomy(payload)
  const shown = new Set([
    ...pathsShowing(kind, after ?? undefined, taxonomy),
    ...pathsShowing(kind, before ?? undefined, taxonomy),
  ])
  const id = (after ?? before)?.id as DocId
  const [backlinks, lists] = await Promise.all([
    relatedBacklinks(payload, kind, id),
    listPages(payload, kind, before, after),
  ])
  const feeds = feedPathsFor(shown)
  const ordered = [...shown].filter((path) => path !== '/sitemap.xml')
  return [
    ...new Set([
      ...ordered,
      ...backlinks,
      ...lists.slice(0, 2),
      ...feeds,
      '/sitemap.xml',
      ...lists,
    ]),
  ]
}
