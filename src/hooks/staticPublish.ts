import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
} from 'payload'

import type { ResourceKind } from '@/lib/kinds'
import { snapshotOf } from '@/lib/staticSite/affected'
import { queueStaticChange, statusKey } from '@/lib/staticSite/publisher'

/** Queues the static site update for a resource that is, or was, public. */
export function queueStaticAfterChange(kind: ResourceKind): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const before = snapshotOf(previousDoc)
    const after = snapshotOf(doc)
    const shown = [before, after].some((item) => item?._status === 'published')
    if (shown) {
      await queueStaticChange(
        req,
        { type: 'resource', kind, before, after },
        statusKey(kind, doc.id),
      )
    }
    return doc
  }
}

export function queueStaticAfterDelete(kind: ResourceKind): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    if (doc?._status === 'published') {
      await queueStaticChange(
        req,
        { type: 'resource', kind, before: snapshotOf(doc), after: null },
        statusKey(kind, doc.id),
      )
    }
    return doc
  }
}

/** Org and topic names and the `site` settings show on every page: everything is rendered again. */
export const queueStaticSiteAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  req,
}) => {
  await queueStaticChange(
    req,
    { type: 'all', reason: `${collection.slug} 变更` },
    statusKey(collection.slug, doc.id),
  )
  return doc
}

export const queueStaticSiteAfterDelete: CollectionAfterDeleteHook = async ({
  collection,
  doc,
  req,
}) => {
  await queueStaticChange(
    req,
    { type: 'all', reason: `${collection.slug} 删除` },
    statusKey(collection.slug, doc.id),
  )
  return doc
}

export const queueStaticAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  await queueStaticChange(req, { type: 'all', reason: `${global.slug} 变更` }, global.slug)
  return doc
}
