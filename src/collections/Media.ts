import type { CollectionConfig } from 'payload'

import { mediaDir } from '@/lib/paths'

import { uploadCollection } from './uploadCollection'

const webp = { format: 'webp' as const, options: { quality: 78 } }

/**
 * Images: photos, posters and covers. Uploads are checked and re-encoded (orientation applied,
 * EXIF/GPS dropped) before sharp resizes them into WebP sizes for the portal.
 */
export const Media: CollectionConfig<'media'> = uploadCollection('image', {
  slug: 'media',
  labels: { singular: '图片', plural: '图片' },
  admin: { group: '素材', defaultColumns: ['filename', 'alt', 'updatedAt'] },
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
  ],
})
