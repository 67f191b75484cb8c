import type { PayloadRequest, Where } from 'payload'
import { ValidationError } from 'payload'

import { type DocId, idOf } from '@/lib/ids'
import type { User } from '@/payload-types'

/** Which orgs a user may act on: everything (admins) or a list of org ids. */
export type OrgScope = { all: true } | { all: false; orgIds: DocId[] }

const NOTHING: OrgScope = { all: false, orgIds: [] }

/** The org ids in a subtree: the org itself and every descendant (from nested-docs breadcrumbs). */
export async function orgSubtree(req: PayloadRequest, orgId: DocId): Promise<DocId[]> {
  const { docs } = await req.payload.find({
    collection: 'orgs',
    where: { 'breadcrumbs.doc': { equals: orgId } },
    pagination: false,
    limit: 0,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  const ids = docs.map((doc) => doc.id as DocId)
  return ids.some((id) => String(id) === String(orgId)) ? ids : [orgId, ...ids]
}

/**
 * The orgs the signed-in user acts on. Editors and reviewers: their org and its subtree;
 * lecturers: their own org only; admins: everything. Cached on the request.
 */
export async function orgScope(req: PayloadRequest): Promise<OrgScope> {
  const user = req.user as User | null | undefined
  if (!user) return NOTHING
  if (user.role === 'admin') return { all: true }
  const cacheKey = `orgScope:${user.id}`
  const cached = req.context[cacheKey] as OrgScope | undefined
  if (cached) return cached
  const orgId = idOf(user.org)
  let scope: OrgScope = NOTHING
  if (orgId !== null) {
    scope = {
      all: false,
      orgIds: user.role === 'lecturer' ? [orgId] : await orgSubtree(req, orgId),
    }
  }
  req.context[cacheKey] = scope
  return scope
}

export function inScope(scope: OrgScope, orgId: DocId | null): boolean {
  if (scope.all) return true
  return orgId !== null && scope.orgIds.some((id) => String(id) === String(orgId))
}

/** A `Where` limiting documents to the scope's orgs (`true` for admins). */
export function scopeWhere(scope: OrgScope, field = 'org'): Where | true {
  if (scope.all) return true
  return { [field]: { in: scope.orgIds } }
}

/**
 * Refuses a write that would put a document into an org outside the signed-in user's scope,
 * with a Chinese message on the `org` field. Writes without a user (system jobs) pass.
 */
export async function assertOrgInScope(
  req: PayloadRequest,
  collection: string,
  org: unknown,
): Promise<void> {
  if (!req.user) return
  if (inScope(await orgScope(req), idOf(org))) return
  throw new ValidationError(
    {
      collection,
      errors: [
        {
          path: 'org',
          label: '所属组织',
          message: '所属组织不在你的管理范围内，不能保存到这个组织',
        },
      ],
      req,
    },
    req.t,
  )
}

export { idOf }
