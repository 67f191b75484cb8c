import type { PayloadRequest, Where } from 'payload'

import type { User } from '@/payload-types'

type Id = number | string

/** Which orgs a user may act on: everything (admins) or a list of org ids. */
export type OrgScope = { all: true } | { all: false; orgIds: Id[] }

const NOTHING: OrgScope = { all: false, orgIds: [] }

export function idOf(value: unknown): Id | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: Id }).id ?? null) as Id | null
  return value as Id
}

/** The org ids in a subtree: the org itself and every descendant (from nested-docs breadcrumbs). */
export async function orgSubtree(req: PayloadRequest, orgId: Id): Promise<Id[]> {
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
  const ids = docs.map((doc) => doc.id as Id)
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

export function inScope(scope: OrgScope, orgId: Id | null): boolean {
  if (scope.all) return true
  return orgId !== null && scope.orgIds.some((id) => String(id) === String(orgId))
}

/** A `Where` limiting documents to the scope's orgs (`true` for admins). */
export function scopeWhere(scope: OrgScope, field = 'org'): Where | true {
  if (scope.all) return true
  return { [field]: { in: scope.orgIds } }
}
