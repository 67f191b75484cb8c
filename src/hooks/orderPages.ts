import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { TAGS } from '@/data/cacheTags'
import { afterCommit } from '@/lib/afterCommit'
import { recordPublicChange } from '@/lib/coordination/changeFeed'
import { expireTags } from '@/lib/expireTags'
import { idOf } from '@/lib/ids'
import { isOrderableKind, type OrderableKind } from '@/lib/orders/submission'
import { queueStaticChange, statusKey } from '@/lib/staticSite/publisher'

/** The slug of a lecturer profile or a resource, to name its pages' rating tag. */
async function slugOf(
  req: PayloadRequest,
  collection: 'lecturers' | OrderableKind,
  id: unknown,
): Promise<string | null> {
  const docId = idOf(id)
  if (docId === null) return null
  const doc = await req.payload
    .findByID({
      collection,
      id: docId,
      depth: 0,
      select: { slug: true },
      overrideAccess: true,
      req,
    })
    .catch(() => null)
  return (doc as { slug?: string | null } | null)?.slug ?? null
}

/**
 * The public pages an order's change touches expire once committed, on every server, and the
 * static site follows: every step (a new order too) changes the 点单 figures; a rating, or a
 * comment approved or hidden, changes the lecturer's profile and the resource's page (average,
 * count, comments).
 */
export const refreshOrderPagesAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context.disableRevalidate) return doc
  const steps = (value: unknown) => (Array.isArray(value) ? value.length : 0)
  const stepped = operation === 'create' || steps(doc.timeline) > steps(previousDoc?.timeline)
  const rated = doc.status === 'rated' && previousDoc?.status !== 'rated'
  const review =
    operation === 'update' &&
    doc.commentReview !== previousDoc?.commentReview &&
    Boolean(doc.ratingComment)
  const tags: string[] = stepped ? [TAGS.orderFigures] : []
  if (rated || review) await addRatingTags(req, doc, tags)
  if (tags.length === 0) return doc
  await afterCommit(req, () => expireTags(req.payload, tags))
  await recordPublicChange(req, tags)
  await queueStaticChange(
    req,
    { type: 'tags', tags, reason: `点单 ${String(doc.number)}` },
    statusKey('orders', doc.id),
  )
  return doc
}

/** The rating tags of the order's lecturer profile and resource page. */
async function addRatingTags(
  req: PayloadRequest,
  doc: Record<string, unknown>,
  tags: string[],
): Promise<void> {
  const lecturer = await slugOf(req, 'lecturers', doc.assignee)
  if (lecturer) tags.push(TAGS.ratings(`lecturers/${lecturer}`))
  const [kind, id] = String(doc.resourceKey ?? '').split('/')
  if (isOrderableKind(kind) && id) {
    const slug = await slugOf(req, kind, id)
    if (slug) tags.push(TAGS.ratings(`${kind}/${slug}`))
  }
}
