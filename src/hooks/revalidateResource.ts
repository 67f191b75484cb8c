import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
  Where,
} from 'payload'

import { PUBLISHED } from '@/access/publishedOrAuthenticated'

import { oembedJsonPath } from '@/lib/embed/oembed'
import { listWidgetPath, resourceWidgetPath } from '@/lib/embed/options'
import { feedPathsFor } from '@/lib/feeds'
import { idOf } from '@/lib/ids'
import type { DocId } from '@/data/types'
import { RESOURCE_KINDS, resourcePath, type ResourceKind } from '@/lib/kinds'
import { ancestorIds, type TreeNode } from '@/lib/tree'

type Ref = DocId | { id: DocId } | null | undefined

type RevalidatableDoc = {
  slug?: string | null
  _status?: 'draft' | 'published' | null
  org?: Ref
  topics?: Ref[] | null
}

type Named = TreeNode<DocId> & { slug: string }

/**
 * Every portal path that shows a published resource: its detail page (and files derived from it),
 * its kind's list, the pages of its topics and orgs and of their ancestors (they list their
 * subtree), the home page and the sitemap, and the embed widgets and oEmbed JSON of the same. A draft shows nowhere, so it yields nothing.
 */
export function pathsShowing(
  kind: ResourceKind,
  doc: RevalidatableDoc | undefined,
  taxonomy: { orgs: Named[]; topics: Named[] },
): string[] {
  if (!doc?.slug || doc._status !== 'published') return []
  const detail = resourcePath(kind, doc.slug)
  // The search page without a query shows the newest resources.
  const paths = [detail, `/${kind}`, '/', '/search', '/sitemap.xml']
  // Embeds: the resource's widget and oEmbed JSON, and the list widgets it appears in.
  paths.push(
    resourceWidgetPath(kind, doc.slug),
    oembedJsonPath(kind, doc.slug),
    listWidgetPath({ type: 'kind', kind }),
  )
  if (kind === 'scripts') paths.push(`${detail}/script.docx`)
  if (kind === 'videos') paths.push(`${detail}/subtitles.vtt`)
  const withAncestors = (nodes: Named[], ids: (DocId | null)[]) => {
    const slugs = new Map(nodes.map((node) => [node.id, node.slug]))
    const all = new Set<DocId>()
    for (const id of ids) {
      if (id === null) continue
      all.add(id)
      for (const ancestor of ancestorIds(nodes, id)) all.add(ancestor)
    }
    return [...all].flatMap((id) => (slugs.has(id) ? [slugs.get(id) as string] : []))
  }
  for (const slug of withAncestors(taxonomy.topics, (doc.topics ?? []).map(idOf))) {
    paths.push(`/topics/${slug}`, listWidgetPath({ type: 'topic', slug }))
  }
  for (const slug of withAncestors(taxonomy.orgs, [idOf(doc.org)])) {
    paths.push(`/orgs/${slug}`, listWidgetPath({ type: 'org', slug }))
  }
  return paths
}

export async function loadTaxonomy(payload: Payload, req?: PayloadRequest) {
  const load = async (collection: 'orgs' | 'topics') => {
    const { docs } = await payload.find({
      collection,
      pagination: false,
      limit: 0,
      depth: 0,
      select: { slug: true, parent: true },
      req,
    })
    return docs.map((doc) => ({
      id: doc.id,
      slug: doc.slug ?? '',
      parent: idOf(doc.parent as Ref),
    }))
  }
  const [orgs, topics] = await Promise.all([load('orgs'), load('topics')])
  return { orgs, topics }
}

/**
 * Detail pages of published resources that list this one among their related resources: its
 * title there changes with it, and it appears or disappears there when published or withdrawn.
 */
export async function relatedBacklinks(
  payload: Payload,
  kind: ResourceKind,
  id: DocId,
  req?: PayloadRequest,
): Promise<string[]> {
  const where: Where = {
    and: [
      PUBLISHED,
      { 'related.value': { equals: id } },
      { 'related.relationTo': { equals: kind } },
    ],
  }
  const found = await Promise.all(
    RESOURCE_KINDS.map(async (other) => {
      const { docs } = await payload.find({
        collection: other,
        where,
        pagination: false,
        limit: 0,
        depth: 0,
        select: { slug: true },
        overrideAccess: true,
        req,
      })
      return docs.flatMap((item) => (item.slug ? [resourcePath(other, item.slug)] : []))
    }),
  )
  return found.flat()
}

/** Revalidates portal paths; outside a Next.js request (scripts, tests) there is nothing to revalidate. */
async function revalidatePaths(
  req: PayloadRequest,
  paths: string[],
  type?: 'layout',
): Promise<void> {
  if (req.context.disableRevalidate || paths.length === 0) return
  try {
    const { revalidatePath } = await import('next/cache')
    for (const path of paths) revalidatePath(path, type)
    req.payload.logger.info(`已刷新页面 revalidated: ${paths.join(', ')}`)
  } catch (err) {
    req.payload.logger.warn(
      `跳过页面刷新（不在 Next.js 请求中）skipped revalidation outside Next.js: ${String(err)}`,
    )
  }
}

/** Revalidates the pages that show a resource when it is published, edited or unpublished. */
export function revalidateResourceAfterChange(kind: ResourceKind): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    if (req.context.disableRevalidate) return doc
    const shown = [doc, previousDoc].some((item) => item?._status === 'published')
    if (!shown) return doc
    const taxonomy = await loadTaxonomy(req.payload, req)
    const paths = new Set([
      ...pathsShowing(kind, doc, taxonomy),
      ...pathsShowing(kind, previousDoc, taxonomy),
    ])
    const backlinks = await relatedBacklinks(req.payload, kind, doc.id, req)
    await revalidatePaths(req, [...paths, ...backlinks, ...feedPathsFor(paths)])
    return doc
  }
}

/** Revalidates the pages that showed a resource once it is deleted. */
export function revalidateResourceAfterDelete(kind: ResourceKind): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    if (req.context.disableRevalidate || doc?._status !== 'published') return doc
    const paths = pathsShowing(kind, doc, await loadTaxonomy(req.payload, req))
    const backlinks = await relatedBacklinks(req.payload, kind, doc.id, req)
    await revalidatePaths(req, [...paths, ...backlinks, ...feedPathsFor(paths)])
    return doc
  }
}

/**
 * Org and topic names and the `site` settings appear on nearly every page (cards, filters,
 * header, footer), so a change to them refreshes the whole portal rather than guessing.
 */
export const revalidatePortalAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await revalidatePaths(req, ['/'], 'layout')
  return doc
}

export const revalidatePortalAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await revalidatePaths(req, ['/'], 'layout')
  return doc
}

export const revalidatePortalAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await revalidatePaths(req, ['/'], 'layout')
  return doc
}
