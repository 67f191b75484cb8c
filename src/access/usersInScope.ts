import type { Access, Where } from 'payload'

import { orgScope, scopeWhere } from './scope'

/** Admins see every account; staff see their own and those in their org subtree. */
export const readUsersInScope: Access = async ({ req }) => {
  const { user } = req
  if (!user) return false
  const scope = await orgScope(req)
  if (scope.all) return true
  return { or: [{ id: { equals: user.id } }, scopeWhere(scope) as Where] }
}
