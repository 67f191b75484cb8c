import { type DocId, idOf } from '@/lib/ids'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { ancestorIds, type TreeNode } from '@/lib/tree'

/**
 * Cache tags: every cached page, route handler and static file declares what it renders, and a
 * change invalidates exactly the tags it touches (on the live server through Next's tag cache, in
 * the static site through the tags each file recorded in the manifest). No list of "pages that
 * might show this" has to be kept in step with the pages by hand.
 *
 * - `resource(kind, slug)`: the page renders that resource (its detail, card, link, feed item, or
 *   the 404 a detail URL answers while it is not public). Tagged by slug, the identity a link has.
 * - `document(kind, id)`: the page refers to that document whether or not it is public now (a
 *   related list keeps a withdrawn resource's place: republishing it must bring the link back).
 * - `list(kind)`: the page lists a kind's public resources in publication order (home, the kind's
 *   list pages, its feeds and widget, search without a query): joining, leaving or reordering
 *   changes it.
 * - `topic(slug)` / `org(slug)`: the page lists what is filed under that topic's or org's subtree.
 * - `anyChange(kind)`: the page changes with every public change of the kind (the sitemap's dates).
 * - `orderFigures`: the page shows the county's 点单 figures; every step of any order changes it.
 * - `speaker(id)`: the page lists the resources a lecturer profile gives (主讲).
 * - `ratings(key)`: the page shows the residents' ratings of a resource (`scripts/slug`) or a
 *   lecturer profile (`lecturers/slug`); a rating or an approved comment changes it.
 * - `structure`: the page shows only the county's structure (orgs, topics, site settings), never a
 *   resource. Nothing expires it by name: a change to those refreshes the whole portal anyway. It
 *   keeps such pages out of the static publisher's work for a resource change (a page that
 *   declares nothing is rendered again for every change).
 *
 * Org, topic and site settings changes refresh the whole portal (see revalidateResource.ts).
 */
export const TAGS = {
  resource: (kind: ResourceKind, slug: string) => `r:${kind}/${slug}`,
  document: (kind: ResourceKind, id: DocId) => `d:${kind}/${String(id)}`,
  list: (kind: ResourceKind) => `l:${kind}`,
  topic: (slug: string) => `t:${slug}`,
  org: (slug: string) => `o:${slug}`,
  anyChange: (kind: ResourceKind) => `a:${kind}`,
  ratings: (key: string) => `g:${key}`,
  speaker: (id: DocId) => `s:${String(id)}`,
  orderFigures: 'f:orders',
  structure: 'x:structure',
} as const

/** Tags of pages that list every kind (home, the all-kinds feed, the sitemap's sections). */
export const ALL_LISTS = RESOURCE_KINDS.map(TAGS.list)

/** Tags of pages that show every change to any resource (the sitemap's dates, search facets). */
export const EVERY_CHANGE = [...ALL_LISTS, ...RESOURCE_KINDS.map(TAGS.anyChange)]

/** A list's scope, as feeds and widgets name it. */
export type ListScope =
  | { type: 'all' }
  | { type: 'kind'; kind: ResourceKind }
  | { type: 'topic'; slug: string }
  | { type: 'org'; slug: string }

/**
 * Tags of a page that lists a scope's newest resources. Topic and org lists are invalidated by
 * every change to what is filed under them; kind-wide lists by reordering only, so they also
 * carry their cards' tags (cardTags) for edits.
 */
export function scopeTags(scope: ListScope): string[] {
  if (scope.type === 'all') return ALL_LISTS
  if (scope.type === 'kind') return [TAGS.list(scope.kind)]
  return [scope.type === 'topic' ? TAGS.topic(scope.slug) : TAGS.org(scope.slug)]
}

/** The tag of each document a page refers to by id (related lists, public or not). */
export function documentTags(refs: readonly { kind: ResourceKind; id: DocId }[]): string[] {
  return refs.map((ref) => TAGS.document(ref.kind, ref.id))
}

/** The tag of each resource a page shows as a card or link. */
export function cardTags(items: readonly { kind: ResourceKind; slug: string }[]): string[] {
  return items.map((item) => TAGS.resource(item.kind, item.slug))
}

/** The meta element (pages) and response header (route handlers) that name a file's tags. */
export const CACHE_TAGS_META = 'cache-tags'
export const CACHE_TAGS_HEADER = 'x-cache-tags'

type Ref = DocId | { id: DocId } | null | undefined

/** What invalidation needs to know of a resource's public version before or after a change. */
export type PublicSnapshot = {
  slug: string
  publishedAt: string | null
  updatedAt: string | null
  org: Ref
  topics: Ref[]
  /** 主讲 profiles (ids), when there are any: their pages list the resource. */
  speakers?: Ref[]
}

export type NamedNode = TreeNode<DocId> & { slug: string }
export type Taxonomy = { orgs: NamedNode[]; topics: NamedNode[] }

/** Slugs of the given nodes and of all their ancestors (their pages list the whole subtree). */
function withAncestors(nodes: NamedNode[], refs: Ref[]): string[] {
  const slugs = new Map(nodes.map((node) => [node.id, node.slug]))
  const ids = new Set<DocId>()
  for (const ref of refs) {
    const id = idOf(ref)
    if (id === null) continue
    ids.add(id)
    for (const ancestor of ancestorIds(nodes, id)) ids.add(ancestor)
  }
  return [...ids].flatMap((id) => (slugs.get(id) ? [slugs.get(id) as string] : []))
}

/**
 * The tags a change to a resource's public version invalidates. `before` and `after` are the
 * public versions (null: not public). A content edit touches the resource and the topic and org
 * pages that list it; joining, leaving or moving in publication order (publish, withdraw, delete,
 * a new slug or date) also touches every list of the kind.
 */
export function tagsForChange(
  kind: ResourceKind,
  id: DocId,
  before: PublicSnapshot | null,
  after: PublicSnapshot | null,
  taxonomy: Taxonomy,
): string[] {
  const shown = [before, after].filter((item): item is PublicSnapshot => item !== null)
  if (shown.length === 0) return []
  const tags = new Set<string>([TAGS.anyChange(kind), TAGS.document(kind, id)])
  for (const item of shown) {
    tags.add(TAGS.resource(kind, item.slug))
    for (const slug of withAncestors(taxonomy.topics, item.topics)) tags.add(TAGS.topic(slug))
    for (const slug of withAncestors(taxonomy.orgs, [item.org])) tags.add(TAGS.org(slug))
    for (const speaker of item.speakers ?? []) {
      const id = idOf(speaker)
      if (id !== null) tags.add(TAGS.speaker(id))
    }
  }
  const reordered =
    !before || !after || before.slug !== after.slug || before.publishedAt !== after.publishedAt
  if (reordered) tags.add(TAGS.list(kind))
  return [...tags]
}
