import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
} from 'payload'

import { queueStaticChange, statusKey } from '@/lib/staticSite/publisher'

/*
 * Resource changes are queued for the static site by revalidateResource.ts, with the same cache
 * tags that expire on the live server. These hooks are for what every page shows.
 */

/** Org and topic names show on every page: everything is rendered again. */
function queueWholeSite(action: string) {
  return (async ({ collection, doc, req }) => {
    await queueStaticChange(
      req,
      { type: 'all', reason: `${collection.slug} ${action}` },
      statusKey(collection.slug, doc.id),
    )
    return doc
  }) satisfies CollectionAfterChangeHook & CollectionAfterDeleteHook
}

export const queueStaticSiteAfterChange: CollectionAfterChangeHook = queueWholeSite('变更')
export const queueStaticSiteAfterDelete: CollectionAfterDeleteHook = queueWholeSite('删除')

/** The `site` settings (name, footer, embedding origins) show on every page. */
export const queueStaticAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  await queueStaticChange(req, { type: 'all', reason: `${global.slug} 变更` }, global.slug)
  return doc
}
