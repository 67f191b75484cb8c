import type { Field } from 'payload'

import { RESOURCE_KINDS } from '@/lib/kinds'

import { orgField } from './org'
import { slugField } from './slug'

/** Fields every resource kind shares: identity, classification, publishing date and cross-links. */
export function resourceFields(): Field[] {
  return [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    slugField(),
    {
      name: 'summary',
      type: 'textarea',
      label: '摘要',
      required: true,
      maxLength: 500,
      admin: { description: '一两句话说明内容，显示在列表和分享卡片上' },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: 'media',
      label: '封面图',
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      label: '主题',
      index: true,
    },
    orgField(),
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: '标签',
      admin: { position: 'sidebar', description: '输入后回车添加' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: '发布时间',
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' },
        description: '首次发布时自动填写',
        components: { Cell: '@/components/admin/DateCell#DateCell' },
      },
    },
    {
      name: 'related',
      type: 'relationship',
      relationTo: [...RESOURCE_KINDS],
      hasMany: true,
      label: '相关资源',
      admin: { description: '其他类型的相关宣讲稿、视频、教材或案例' },
    },
  ]
}
