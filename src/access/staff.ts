import type { FieldAccess } from 'payload'

import type { User } from '@/payload-types'

/** Signed-in staff other than lecturers (editors, reviewers, admins). */
export function isStaffUser(user: unknown): boolean {
  return Boolean(user) && (user as User).role !== 'lecturer'
}

/** Field-level variant: only staff other than lecturers read or set the field. */
export const staffOnlyField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
