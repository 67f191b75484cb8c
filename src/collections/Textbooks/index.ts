import type { CollectionConfig } from 'payload'

import { AUDIENCES } from '@/lib/vocabulary'

import { resourceCollection } from '../resourceCollection'
import { computeTextbookMeasures } from './hooks/computeTextbookMeasures'
import { coverFromPdf } from './hooks/coverFromPdf'

/** Local textbooks (乡土教材): a booklet in chapters, often with a PDF. */
export const Textbooks: CollectionConfig = resourceCollection('textbooks', {
  beforeChange: [computeTextbookMeasures, coverFromPdf],
  fields: [
    {
      name: 'audience',
      type: 'select',
      label: '适合对象',
      hasMany: true,
      options: [...AUDIENCES],
      index: true,
    },
    {
      name: 'chapters',
      type: 'array',
      label: '章节',
      labels: { singular: '章', plural: '章节' },
      minRows: 1,
      maxRows: 60,
      required: true,
      fields: [
        { name: 'title', type: 'text', label: '章标题', required: true, maxLength: 80 },
        {
          name: 'anchor',
          type: 'text',
          label: '锚点',
          admin: { readOnly: true, description: '自动生成，用于目录跳转' },
        },
        { name: 'body', type: 'richText', label: '正文', required: true },
      ],
    },
    {
      name: 'pdf',
      type: 'upload',
      relationTo: 'files',
      label: 'PDF 版本',
      admin: { description: '没有封面时，自动用 PDF 第一页作封面' },
    },
    {
      type: 'row',
      fields: [
        { name: 'wordCount', type: 'number', label: '字数', admin: { readOnly: true } },
        {
          name: 'readingMinutes',
          type: 'number',
          label: '阅读时长（分钟）',
          admin: { readOnly: true, description: '按每分钟约 400 字估算' },
        },
      ],
    },
  ],
})
