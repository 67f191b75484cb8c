import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidateSearchIndex } from '@/lib/search/liveCache'

/** Any change to public content or to org/topic names drops the live search index. */
export const invalidateSearchAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  invalidateSearchIndex()
  return doc
}

export const invalidateSearchAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  invalidateSearchIndex()
  return doc
}
