import type { Field } from 'payload'

import { REVIEW_ACTIONS, REVIEW_STATES } from '@/lib/workflow'

const systemOnly = { create: () => false, update: () => false }

/** Review state, the reviewer's comment, the transition log and the author. */
export function workflowFields(): Field[] {
  return [
    {
      name: 'reviewState',
      type: 'select',
      label: '审核状态',
      defaultValue: 'draft',
      options: [...REVIEW_STATES],
      index: true,
      admin: {
        position: 'sidebar',
        description: '编辑改为“待审”并保存即提交审核；审核员可退回（须填写意见）或点“发布”。',
      },
    },
    {
      name: 'reviewComment',
      type: 'textarea',
      label: '审核意见',
      maxLength: 1000,
      admin: { position: 'sidebar', description: '退回时必填，编辑会看到这里的说明' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: '作者',
      index: true,
      access: systemOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewLog',
      type: 'array',
      label: '审核记录',
      labels: { singular: '记录', plural: '审核记录' },
      access: systemOnly,
      admin: { readOnly: true, initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'action', type: 'select', label: '操作', options: [...REVIEW_ACTIONS] },
            { name: 'by', type: 'relationship', relationTo: 'users', label: '操作人' },
            {
              name: 'at',
              type: 'date',
              label: '时间',
              admin: {
                date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
              },
            },
          ],
        },
        { name: 'comment', type: 'textarea', label: '意见' },
      ],
    },
  ]
}
