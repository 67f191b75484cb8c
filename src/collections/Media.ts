import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { uploadSafety } from '@/hooks/uploadSafety'
import { mediaDir } from '@/lib/paths'

const safety = uploadSafety<'media'>('image')

const webp = { format: 'webp' as const, options: { quality: 78 } }

/**
 * Images: photos, posters and covers. Uploads are checked and re-encoded (orientation applied,
 * EXIF/GPS dropped) before sharp resizes them into WebP sizes for the portal.
 */
export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: '图片', plural: '图片' },
  admin: { group: '素材', defaultColumns: ['filename', 'alt', 'updatedAt'] },
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
  upload: {
    staticDir: mediaDir('images'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, formatOptions: webp },
      { name: 'card', width: 640, height: 400, formatOptions: webp },
      { name: 'hero', width: 1600, height: 900, formatOptions: webp, withoutEnlargement: true },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: '图片说明',
      required: true,
      maxLength: 200,
      admin: { description: '描述图片内容，供读屏软件和图片无法显示时使用' },
    },
    {
      name: 'blurDataURL',
      type: 'text',
      label: '模糊占位图',
      admin: { hidden: true, readOnly: true },
    },
    orgField({ required: false }),
  ],
}
