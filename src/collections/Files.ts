import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { uploadSafety } from '@/hooks/uploadSafety'
import { mediaDir } from '@/lib/paths'

const safety = uploadSafety<'files'>('document')

/** Documents: textbook PDFs and Word files. PDFs get their text, page count and first page. */
export const Files: CollectionConfig<'files'> = {
  slug: 'files',
  labels: { singular: '文档', plural: '文档' },
  admin: {
    group: '素材',
    defaultColumns: ['filename', 'title', 'pageCount', 'filesize'],
    listSearchableFields: ['title', 'filename', 'text'],
  },
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
    staticDir: mediaDir('files'),
    mimeTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  },
  fields: [
    { name: 'title', type: 'text', label: '文档名称', required: true, maxLength: 120 },
    { name: 'pageCount', type: 'number', label: '页数', admin: { readOnly: true } },
    {
      name: 'preview',
      type: 'upload',
      relationTo: 'media',
      label: '首页预览',
      admin: { description: '上传 PDF 时自动由第一页生成，可替换' },
    },
    {
      name: 'text',
      type: 'textarea',
      label: '全文',
      admin: { readOnly: true, description: '上传 PDF 时自动提取，用于搜索' },
    },
    orgField({ required: false }),
  ],
}
