import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { TAGS } from '@/data/cacheTags'
import { afterCommit } from '@/lib/afterCommit'
import { recordPublicChange } from '@/lib/coordination/changeFeed'
import { expireTags } from '@/lib/expireTags'
import { idOf } from '@/lib/ids'
import { queueStaticChange, statusKey } from '@/lib/staticSite/publisher'

/** The slug of a lecturer profile or a resource, to name its pages' rating tag. */
async function slugOf(
  req: PayloadRequest,
  collection: 'lecturers' | 'scripts' | 'videos' | 'cases',
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
 * A rating, or a comment approved or hidden, changes what the lecturer's profile and the
 * resource's page show (average, count, comments): their rating tags expire once committed, on
 * every server, and the static site follows.
 */
export const refreshRatingsAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || req.context.disableRevalidate) return doc
  const rated = doc.status === 'rated' && previousDoc?.status !== 'rated'
  const review = doc.commentReview !== previousDoc?.commentReview && Boolean(doc.ratingComment)
  if (!rated && !review) return doc
  const tags: string[] = []
  const lecturer = await slugOf(req, 'lecturers', doc.assignee)
  if (lecturer) tags.push(TAGS.ratings(`lecturers/${lecturer}`))
  const [kind, id] = String(doc.resourceKey ?? '').split('/')
  if ((kind === 'scripts' || kind === 'videos' || kind === 'cases') && id) {
    const slug = await slugOf(req, kind, id)
    if (slug) tags.push(TAGS.ratings(`${kind}/${slug}`))
  }
  if (tags.length === 0) return doc
  await afterCommit(req, () => expireTags(req.payload, tags))
  await recordPublicChange(req, tags)
  await queueStaticChange(
    req,
    { type: 'tags', tags, reason: `点单 ${String(doc.number)} 评价` },
    statusKey('orders', doc.id),
  )
  return doc
}
