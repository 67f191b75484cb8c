import type { Payload } from 'payload'

import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import type { ReviewState } from '@/lib/workflow'
import type { User } from '@/payload-types'

export type QueueCount = { kind: ResourceKind; count: number }

/**
 * How many resources in the user's scope wait in a review state, per kind: what reviewers must
 * review (submitted) or editors must revise (returned). Runs with the user's own access.
 */
export async function reviewQueueCounts(
  payload: Payload,
  user: User,
  state: ReviewState,
): Promise<QueueCount[]> {
  return Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      const { totalDocs } = await payload.find({
        collection: kind,
        where: { reviewState: { equals: state } },
        draft: true,
        limit: 1,
        depth: 0,
        select: {},
        user,
        overrideAccess: false,
      })
      return { kind, count: totalDocs }
    }),
  )
}
