import type { CollectionConfig } from 'payload'

import { resourceCollection } from './resourceCollection'

const loopStep = (name: string, label: string, description: string) => ({
  name,
  type: 'textarea' as const,
  label,
  required: true,
  maxLength: 600,
  admin: { description },
})

const figure = (name: string, label: string) => ({
  name,
  type: 'number' as const,
  label,
  min: 0,
  admin: { width: '25%' },
})

/** Brand-project cases (品牌项目案例): a named volunteer-service project and its results. */
export const Cases: CollectionConfig = resourceCollection('cases', {
  fields: [
    {
      name: 'loop',
      type: 'group',
      label: '服务闭环',
      admin: { description: '点单 → 派单 → 接单 → 评单' },
      fields: [
        loopStep('order', '点单', '群众如何提出需求'),
        loopStep('dispatch', '派单', '中心（所、站）如何分派'),
        loopStep('accept', '接单', '志愿者如何接单服务'),
        loopStep('review', '评单', '群众如何评价反馈'),
      ],
    },
    {
      name: 'outcomes',
      type: 'group',
      label: '成效数据',
      fields: [
        {
          type: 'row',
          fields: [
            figure('volunteers', '志愿者（人）'),
            figure('activities', '开展活动（场）'),
            figure('peopleServed', '服务群众（人次）'),
            { ...figure('year', '年份'), min: 2000, max: 2100, index: true },
          ],
        },
      ],
    },
    { name: 'body', type: 'richText', label: '案例介绍', required: true },
    {
      name: 'gallery',
      type: 'array',
      label: '活动照片',
      labels: { singular: '照片', plural: '照片' },
      maxRows: 24,
      fields: [
        { name: 'image', type: 'upload', relationTo: 'media', label: '照片', required: true },
        { name: 'caption', type: 'text', label: '图片说明', maxLength: 120 },
      ],
    },
  ],
})
