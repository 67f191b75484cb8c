import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { assertOrgInScope, idOf } from '@/access/scope'
import { decideTransition, type ReviewState } from '@/lib/workflow'
import type { User } from '@/payload-types'

type LogEntry = { action: string; by: number | string; at: string; comment?: string | null }

/**
 * The review workflow and org scoping for every write to a resource:
 * - the org must lie in the actor's scope, on create and on any move;
 * - only reviewers (in scope) and admins publish; editors submit, reviewers return with a comment;
 * - every transition is appended to `reviewLog` (who, when, comment), which clients cannot edit.
 * System writes (no user: seeding, imports, scheduled jobs run by the server) skip the checks.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  collection,
}) => {
  const user = req.user as User | null | undefined
  const previousLog: LogEntry[] = Array.isArray(originalDoc?.reviewLog) ? originalDoc.reviewLog : []
  if (!user) {
    data.reviewLog = data.reviewLog ?? previousLog
    if (data._status === 'published') data.reviewState = 'published'
    return data
  }

  if (operation === 'create') {
    data.createdBy = user.id
    if (idOf(data.org) === null) data.org = idOf(user.org)
  } else {
    data.createdBy = originalDoc?.createdBy ?? user.id
  }

  await assertOrgInScope(req, collection.slug, data.org ?? originalDoc?.org)

  const status = data._status ?? originalDoc?._status ?? 'draft'
  const from: ReviewState = originalDoc?.reviewState ?? 'draft'
  const result = decideTransition({
    role: user.role,
    inScope: true,
    from,
    requested: (data.reviewState as ReviewState | undefined) ?? from,
    publishing: status === 'published',
    comment: data.reviewComment,
  })
  if (!result.ok) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'reviewState', message: result.message }],
        req,
      },
      req.t,
    )
  }

  data.reviewState = result.state
  data.reviewLog = result.action
    ? [
        ...previousLog,
        {
          action: result.action,
          by: user.id,
          at: new Date().toISOString(),
          comment: data.reviewComment ?? null,
        },
      ]
    : previousLog
  // The comment belongs to the transition it explains; a new round starts without one.
  if (result.action && result.action !== 'return') data.reviewComment = null
  return data
}
