import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { idOf, inScope, orgScope } from '@/access/scope'
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
  const scope = await orgScope(req)
  const org = idOf(data.org ?? originalDoc?.org)
  if (org !== null && !inScope(scope, org)) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'org', message: '所属组织不在你的管理范围内' }],
        req,
      },
      req.t,
    )
  }
  return data
}
