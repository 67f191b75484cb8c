import type { Access, Where } from 'payload'

import type { User } from '@/payload-types'

import { PUBLISHED } from './publishedOrAuthenticated'
import { orgScope, scopeWhere } from './scope'

const and = (...clauses: Where[]): Where => ({ and: clauses })
const DRAFT: Where = { _status: { not_equals: 'published' } }

/** Anonymous readers see published documents; staff see their org subtree; admins everything. */
export const readPublishedOrInScope: Access = async ({ req }) => {
  if (!req.user) return PUBLISHED
  return scopeWhere(await orgScope(req))
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
