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
        // Information, not an input: the state changes through 提交审核 / 退回 / 发布.
        readOnly: true,
        components: { Field: '@/components/admin/ReviewTimeline#ReviewTimeline' },
      },
    },
    {
      name: 'reviewComment',
      type: 'textarea',
      label: '审核意见',
      maxLength: 1000,
      // Written in the 退回 dialog, shown by the review timeline.
      admin: { hidden: true },
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
      // Shown by the review timeline next to the state.
      admin: { hidden: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'action', type: 'select', label: '操作', options: [...REVIEW_ACTIONS] },
            { name: 'by', type: 'relationship', relationTo: 'users', label: '操作人' },
            // The name at the time of the action, so the log reads without looking users up.
            { name: 'byName', type: 'text', label: '操作人姓名' },
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
