import type { Access, Where } from 'payload'

import type { User } from '@/payload-types'

import { orgScope, scopeWhere } from './scope'

/**
 * Staff read the orders of residents in their org subtree (the county sees all); a lecturer reads
 * the orders assigned to their profile. Nobody else reads orders through any API.
 */
export const readOrders: Access = async ({ req }) => {
  const user = req.user as User | null
  if (!user) return false
  if (user.role === 'lecturer') return { assignedUser: { equals: user.id } } satisfies Where
  return scopeWhere(await orgScope(req))
}
