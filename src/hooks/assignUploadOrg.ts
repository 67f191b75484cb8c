import type { CollectionBeforeChangeHook } from 'payload'

import { assertOrgInScope, idOf } from '@/access/scope'
import type { User } from '@/payload-types'

/** Uploads belong to the uploader's org unless they choose another one inside their scope. */
export const assignUploadOrg: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  req,
  collection,
}) => {
  const user = req.user as User | null | undefined
  if (!user) return data
  if (idOf(data.org ?? originalDoc?.org) === null) data.org = idOf(user.org)
  await assertOrgInScope(req, collection.slug, data.org ?? originalDoc?.org)
  return data
}
