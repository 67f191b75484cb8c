import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { invalidateSearchIndex } from '@/lib/search/liveCache'

/**
 * Drops the live index now and once more shortly after: hooks run before the change's transaction
 * commits, and a search in between would rebuild the index from the old data.
 */
function invalidateNowAndAfterCommit(): void {
  invalidateSearchIndex()
  setTimeout(invalidateSearchIndex, 2000).unref?.()
}

/** Any change to public content or to org/topic names drops the live search index. */
export const invalidateSearchAfterChange: CollectionAfterChangeHook = ({ doc }) => {
  invalidateNowAndAfterCommit()
  return doc
}

export const invalidateSearchAfterDelete: CollectionAfterDeleteHook = ({ doc }) => {
  invalidateNowAndAfterCommit()
  return doc
}
