import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  FlattenedField,
} from 'payload'
import { ValidationError } from 'payload'

import { assertOrgInScope, idOf } from '@/access/scope'
import { lexicalToPlainText } from '@/lib/richText'
import { decideTransition, type ReviewState } from '@/lib/workflow'
import type { User } from '@/payload-types'

const DRAFT_WRITE = 'workflow:draftWrite'

/** Whether this request's update writes a draft revision only (see rememberDraftWrite). */
export const isDraftWrite = (req: { context: Record<string, unknown> }): boolean =>
  req.context[DRAFT_WRITE] === true

/**
 * Remembers whether an update writes a draft revision (versions only) or the document itself:
 * only the latter can take a published resource off the portal.
 */
export const rememberDraftWrite: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' || operation === 'updateByID') {
    req.context[DRAFT_WRITE] = Boolean((args as { draft?: boolean }).draft)
  }
  return args
}

/** Whether the document's public version exists now (a draft revision may sit on top of it). */
async function isPublished(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  collection: string,
  id: unknown,
): Promise<boolean> {
  if (id === undefined || id === null) return false
  const { totalDocs } = await req.payload.count({
    collection: collection as 'scripts',
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

function refuse(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  collection: string,
  message: string,
): never {
  throw new ValidationError(
    { collection, errors: [{ path: 'reviewState', label: '审核状态', message }], req },
    req.t,
  )
}

/** Whether a required value is missing: empty text, no choice, an empty list or rich text. */
function isEmpty(field: FlattenedField, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  if (field.type === 'richText') return lexicalToPlainText(value).trim() === ''
  if (typeof value === 'string') return value.trim() === ''
  return false
}

/**
 * Drafts save incomplete; work sent to review must be complete, as for publishing. Refuses a
 * submission that lacks a required top-level field, with an error on each such field.
 */
function assertCompleteForReview(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  collection: Parameters<CollectionBeforeChangeHook>[0]['collection'],
  document: Record<string, unknown>,
): void {
  const missing = collection.flattenedFields.filter(
    (field) =>
      'required' in field &&
      field.required === true &&
      !('hidden' in field && field.hidden) &&
      isEmpty(field, document[field.name]),
  )
  if (missing.length === 0) return
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: missing.map((field) => ({
        path: field.name,
        label: typeof field.label === 'string' ? field.label : field.name,
        message: '提交审核前请填写这一项',
      })),
      req,
    },
    req.t,
  )
}

type LogEntry = {
  action: string
  by: number | string
  byName?: string | null
  at: string
  comment?: string | null
}

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
  // Taking a published resource off the portal (Payload's "取消发布") is a reviewer's decision.
  if (
    operation === 'update' &&
    status === 'draft' &&
    req.context[DRAFT_WRITE] === false &&
    user.role !== 'admin' &&
    user.role !== 'reviewer' &&
    (await isPublished(req, collection.slug, originalDoc?.id))
  ) {
    refuse(req, collection.slug, '编辑和宣讲员不能撤下已发布的资源，请联系审核员')
  }
  const from: ReviewState = originalDoc?.reviewState ?? 'draft'
  const result = decideTransition({
    role: user.role,
    inScope: true,
    from,
    requested: (data.reviewState as ReviewState | undefined) ?? from,
    publishing: status === 'published',
    comment: data.reviewComment,
  })
  if (!result.ok) refuse(req, collection.slug, result.message)
  if (result.action === 'submit')
    assertCompleteForReview(req, collection, { ...originalDoc, ...data })

  data.reviewState = result.state
  data.reviewLog = result.action
    ? [
        ...previousLog,
        {
          action: result.action,
          by: user.id,
          byName: user.name,
          at: new Date().toISOString(),
          // Only a return carries the reviewer's comment; other steps leave it out of the log.
          comment: result.action === 'return' ? (data.reviewComment ?? null) : null,
        },
      ]
    : previousLog
  // The comment belongs to the transition it explains; a new round starts without one.
  if (result.action && result.action !== 'return') data.reviewComment = null
  return data
}
