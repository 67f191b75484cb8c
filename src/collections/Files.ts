import type { CollectionConfig } from 'payload'

import { mediaDir } from '@/lib/paths'

import { uploadCollection } from './uploadCollection'

/** Documents: textbook PDFs and Word files. PDFs get their text, page count and first page. */
export const Files: CollectionConfig<'files'> = uploadCollection('document', {
  slug: 'files',
  labels: { singular: '文档', plural: '文档' },
  admin: {
    group: '素材',
    defaultColumns: ['filename', 'title', 'pageCount', 'filesize'],
    listSearchableFields: ['title', 'filename', 'text'],
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
  ],
})
