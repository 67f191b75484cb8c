import type { Access, FieldAccess } from 'payload'

import type { User } from '@/payload-types'

export function userIsAdmin(user: unknown): boolean {
  return Boolean(user) && (user as User).role === 'admin'
}

/** Admins only. */
export const isAdmin: Access = ({ req: { user } }) => userIsAdmin(user)

/** Field-level variant: only admins may set or change the field. */
export const isAdminField: FieldAccess = ({ req: { user } }) => userIsAdmin(user)
