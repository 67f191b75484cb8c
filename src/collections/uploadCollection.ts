import type { CollectionConfig, CollectionSlug } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { uploadSafety } from '@/hooks/uploadSafety'
import type { UploadKind } from '@/lib/uploads/limits'

/**
 * The shared shape of upload collections: public reads (files back published pages), staff
 * uploads, changes only within the uploader's org scope, content checks before anything is
 * written, and an `org` field that defaults to the uploader's.
 */
export function uploadCollection<TSlug extends CollectionSlug>(
  kind: UploadKind,
  config: Omit<CollectionConfig<TSlug>, 'access' | 'hooks'>,
): CollectionConfig<TSlug> {
  const safety = uploadSafety<TSlug>(kind)
  return {
    ...config,
    access: {
      read: anyone,
      create: authenticated,
      update: updateUploadInScope,
      delete: updateUploadInScope,
    },
    hooks: {
      beforeOperation: [safety.beforeOperation],
      beforeChange: [assignUploadOrg, safety.beforeChange],
    },
    fields: [...config.fields, orgField({ required: false })],
  }
}
