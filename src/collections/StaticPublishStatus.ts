import type { CollectionConfig } from 'payload'

import { authenticated } from '@/access/authenticated'

/**
 * Where each document stands with the static site: queued, published (when, how many files
 * changed) or failed (why). Written by the static publisher only; editors see it in the sidebar.
 */
export const StaticPublishStatus: CollectionConfig = {
  slug: 'static-publish-status',
  labels: { singular: '静态发布状态', plural: '静态发布状态' },
  admin: { hidden: true, useAsTitle: 'key' },
  access: {
    read: authenticated,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: '对象' },
    {
      name: 'state',
      type: 'select',
      required: true,
      label: '状态',
      options: [
        { label: '排队中', value: 'queued' },
        { label: '已发布到静态站', value: 'published' },
        { label: '发布失败', value: 'failed' },
      ],
    },
    { name: 'queuedAt', type: 'date', label: '排队时间' },
    { name: 'publishedAt', type: 'date', label: '发布时间' },
    { name: 'changedFiles', type: 'number', label: '更新的文件数' },
    { name: 'error', type: 'textarea', label: '错误' },
  ],
}
