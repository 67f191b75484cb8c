import type { CollectionConfig, CollectionSlug } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { uploadSafety } from '@/hooks/uploadSafety'
import type { UploadKind } from '@/lib/uploads/limits'

/** Types a browser shows as media, safely inline; anything else it would render is downloaded. */
const INLINE_TYPES =
  /^(?:image\/(?:jpeg|png|webp|avif)|video\/(?:mp4|webm)|audio\/[a-z0-9.+-]+|text\/vtt)\b/i

/**
 * Response headers of an uploaded file: never sniffed, and a download (not a page of our origin)
 * unless it is a picture, video or subtitle track. Uploads are checked by content on the way in
 * (HTML, SVG and other active types are refused), so this is the second line.
 */
export function uploadResponseHeaders({ headers }: { headers: Headers }): Headers {
  headers.set('X-Content-Type-Options', 'nosniff')
  if (!INLINE_TYPES.test(headers.get('Content-Type') ?? '')) {
    headers.set('Content-Disposition', 'attachment')
  }
  return headers
}

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
    upload: {
      ...(typeof config.upload === 'object' ? config.upload : {}),
      modifyResponseHeaders: uploadResponseHeaders,
    },
  }
}
