import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { mediaDir } from '@/lib/paths'

/** Documents: textbook PDFs and Word files. */
export const Files: CollectionConfig<'files'> = {
  slug: 'files',
  labels: { singular: '文档', plural: '文档' },
  admin: { group: '素材', defaultColumns: ['filename', 'title', 'filesize'] },
  access: {
    read: anyone,
    create: authenticated,
    update: updateUploadInScope,
    delete: updateUploadInScope,
  },
  hooks: { beforeChange: [assignUploadOrg] },
  upload: {
    staticDir: mediaDir('files'),
    mimeTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  },
  fields: [
    { name: 'title', type: 'text', label: '文档名称', required: true, maxLength: 120 },
    orgField({ required: false }),
  ],
}
