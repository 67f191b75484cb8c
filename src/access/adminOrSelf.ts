import type { Access } from 'payload'

import { userIsAdmin } from './isAdmin'

/** Admins see every account; everyone else only their own. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (userIsAdmin(user)) return true
  return { id: { equals: user.id } }
}
