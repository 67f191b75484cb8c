import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { type PublicSnapshot, type Taxonomy, tagsForChange } from '@/data/cacheTags'
import { afterCommit } from '@/lib/afterCommit'
import { recordPublicChange, WHOLE_PORTAL_TAG } from '@/lib/coordination/changeFeed'
import { contentChanged } from '@/lib/contentGeneration'
import { expireTags } from '@/lib/expireTags'
import { type DocId, idOf } from '@/lib/ids'
import type { ResourceKind } from '@/lib/kinds'
import { queueStaticChange, statusKey } from '@/lib/staticSite/publisher'

/**
 * The public version of a resource as stored in its collection (the published document), or null
 * when it is not public. Read from the database itself: with drafts, a hook's `previousDoc` and
 * `originalDoc` are the latest draft, which says nothing about what readers see.
 */
async function readPublicVersion(
  req: PayloadRequest,
  kind: ResourceKind,
  id: DocId,
): Promise<PublicSnapshot | null> {
  const doc = (await req.payload.db.findOne({
    collection: kind,
    where: { id: { equals: id } },
    req,
  })) as Record<string, unknown> | null
  return publicSnapshot(doc)
}

export function publicSnapshot(
  doc: Record<string, unknown> | null | undefined,
): PublicSnapshot | null {
  if (!doc || doc._status !== 'published' || typeof doc.slug !== 'string' || !doc.slug) return null
  const speakers = Array.isArray(doc.speakers) ? doc.speakers.map(idOf) : []
  return {
    slug: doc.slug,
    publishedAt: (doc.publishedAt as string | null | undefined) ?? null,
    updatedAt: (doc.updatedAt as string | null | undefined) ?? null,
    org: idOf(doc.org),
    topics: Array.isArray(doc.topics) ? doc.topics.map(idOf) : [],
    ...(speakers.length > 0 ? { speakers } : {}),
  }
}

const contextKey = (kind: ResourceKind, id: DocId) => `publicBefore:${kind}:${String(id)}`

/** Remembers what readers saw before an update or delete, for the after hooks. */
async function rememberPublicVersion(req: PayloadRequest, kind: ResourceKind, id: DocId) {
  req.context[contextKey(kind, id)] = await readPublicVersion(req, kind, id)
}

function recalledPublicVersion(req: PayloadRequest, kind: ResourceKind, id: DocId) {
  return (req.context[contextKey(kind, id)] as PublicSnapshot | null | undefined) ?? null
}

const samePublicVersion = (a: PublicSnapshot | null, b: PublicSnapshot | null) =>
  JSON.stringify(a) === JSON.stringify(b)

export async function loadTaxonomy(payload: Payload, req?: PayloadRequest): Promise<Taxonomy> {
  const load = async (collection: 'orgs' | 'topics') => {
    const { docs } = await payload.find({
      collection,
      pagination: false,
      limit: 0,
      depth: 0,
      select: { slug: true, parent: true },
      req,
    })
    return docs.map((doc) => ({ id: doc.id, slug: doc.slug ?? '', parent: idOf(doc.parent) }))
  }
  const [orgs, topics] = await Promise.all([load('orgs'), load('topics')])
  return { orgs, topics }
}

/**
 * One change to what readers see of a resource: the pages tagged with it expire once the change
 * has committed, on this server at once and on the others through the public-change feed, and the
 * static site is queued (in the same transaction) to follow.
 */
async function publicChange(
  req: PayloadRequest,
  kind: ResourceKind,
  id: DocId,
  before: PublicSnapshot | null,
  after: PublicSnapshot | null,
): Promise<void> {
  if (samePublicVersion(before, after) || req.context.disableRevalidate) return
  const taxonomy = await loadTaxonomy(req.payload, req)
  const tags = tagsForChange(kind, id, before, after, taxonomy)
  await afterCommit(req, async () => {
    await expireTags(req.payload, tags)
    req.payload.logger.info(`已刷新缓存标签 revalidated: ${tags.join(' ')}`)
  })
  await recordPublicChange(req, tags)
  await queueStaticChange(req, { type: 'resource', kind, before, after, tags }, statusKey(kind, id))
}

/** Before an update: what readers see now. */
export function rememberBeforeChange(kind: ResourceKind): CollectionBeforeChangeHook {
  return async ({ data, operation, originalDoc, req }) => {
    if (operation === 'update' && originalDoc?.id !== undefined && !req.context.disableRevalidate) {
      await rememberPublicVersion(req, kind, originalDoc.id as DocId)
    }
    return data
  }
}

/**
 * After a save: what readers see now, compared with before. A draft save leaves the published
 * document as it was (nothing to do); publishing, withdrawing ("取消发布", or an update without
 * `_status` on top of a pending draft) and edits of the published version change it.
 */
export function revalidateResourceAfterChange(kind: ResourceKind): CollectionAfterChangeHook {
  return async ({ doc, operation, req }) => {
    await afterCommit(req, contentChanged)
    if (req.context.disableRevalidate) return doc
    const before = operation === 'update' ? recalledPublicVersion(req, kind, doc.id) : null
    const after =
      doc._status === 'published' ? publicSnapshot(doc) : await readPublicVersion(req, kind, doc.id)
    await publicChange(req, kind, doc.id, before, after)
    return doc
  }
}

export function rememberBeforeDelete(kind: ResourceKind): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    if (!req.context.disableRevalidate) await rememberPublicVersion(req, kind, id)
  }
}

/** After a delete: whatever readers saw of it goes. */
export function revalidateResourceAfterDelete(kind: ResourceKind): CollectionAfterDeleteHook {
  return async ({ doc, id, req }) => {
    await afterCommit(req, contentChanged)
    if (req.context.disableRevalidate) return doc
    await publicChange(req, kind, id, recalledPublicVersion(req, kind, id), null)
    return doc
  }
}

/**
 * Revalidates the whole portal (every page sits under the root layout) once committed, here and
 * on the other servers.
 */
async function revalidatePortal(req: PayloadRequest): Promise<void> {
  // Memos of published data go with any write, also one that skips revalidation (seeding, tests).
  await afterCommit(req, contentChanged)
  if (req.context.disableRevalidate) return
  await recordPublicChange(req, [WHOLE_PORTAL_TAG])
  await afterCommit(req, async () => {
    try {
      const { revalidatePath } = await import('next/cache')
      revalidatePath('/', 'layout')
      req.payload.logger.info('已刷新整个门户 revalidated the whole portal')
    } catch (err) {
      req.payload.logger.debug(`不在 Next.js 请求中，跳过页面刷新 skipped: ${String(err)}`)
    }
  })
}

/**
 * Org and topic names and the `site` settings appear on nearly every page (cards, filters,
 * header, footer), so a change to them refreshes the whole portal rather than guessing.
 */
export const revalidatePortalAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await revalidatePortal(req)
  return doc
}

export const revalidatePortalAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await revalidatePortal(req)
  return doc
}

export const revalidatePortalAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await revalidatePortal(req)
  return doc
}
