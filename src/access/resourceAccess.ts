import type { Access, BaseFilter, Where } from 'payload'

import type { User } from '@/payload-types'

import { PUBLISHED } from './publishedOrAuthenticated'
import { orgScope, scopeWhere } from './scope'

const and = (...clauses: Where[]): Where => ({ and: clauses })
const DRAFT: Where = { _status: { not_equals: 'published' } }

/**
 * Anonymous readers see published documents; staff also see everything of their org subtree;
 * admins everything. Staff read other orgs' published work, as anyone may on the portal: the
 * admin then shows its title in pickers and relationship lists instead of "无标题 - ID: n".
 */
export const readPublishedOrInScope: Access = async ({ req }) => {
  if (!req.user) return PUBLISHED
  const inScope = scopeWhere(await orgScope(req))
  return inScope === true ? true : { or: [inScope, PUBLISHED] }
}

/**
 * The admin's list of a resource kind shows the user's own world (their org subtree), not the
 * whole county's published work they may also read.
 */
export const listInScope: BaseFilter = async ({ req }) => {
  if (!req.user) return null
  const inScope = scopeWhere(await orgScope(req))
  return inScope === true ? null : inScope
}

/** Staff update within their scope; lecturers only what they wrote themselves. */
export const updateInScope: Access = async ({ req }) => {
  const user = req.user as User | null
  if (!user) return false
  const scope = await orgScope(req)
  if (scope.all) return true
  const inOrg = scopeWhere(scope) as Where
  if (user.role === 'lecturer') return and(inOrg, { createdBy: { equals: user.id } })
  return inOrg
}

/** Reviewers delete within scope; editors and lecturers only unpublished work of theirs. */
export const deleteInScope: Access = async ({ req }) => {
  const user = req.user as User | null
  if (!user) return false
  const scope = await orgScope(req)
  if (scope.all) return true
  const inOrg = scopeWhere(scope) as Where
  if (user.role === 'reviewer') return inOrg
  if (user.role === 'lecturer') return and(inOrg, DRAFT, { createdBy: { equals: user.id } })
  return and(inOrg, DRAFT)
}

/** Version history: staff within their scope (versions keep the document under `version`). */
export const readVersionsInScope: Access = async ({ req }) => {
  if (!req.user) return false
  return scopeWhere(await orgScope(req), 'version.org')
}

/** Uploads: staff change files of their scope (or unassigned ones they could see); admins all. */
export const updateUploadInScope: Access = async ({ req }) => {
  if (!req.user) return false
  return scopeWhere(await orgScope(req))
}
