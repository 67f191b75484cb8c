import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { isAdmin } from '@/access/isAdmin'
import { readOrders } from '@/access/orders'
import { staffOnlyField } from '@/access/staff'
import { orderEndpoints } from '@/endpoints/orders'
import { refreshOrderPagesAfterChange } from '@/hooks/orderPages'
import { enforceOrderWorkflow } from '@/hooks/orderWorkflow'
import { rejectStaleUpdate } from '@/hooks/rejectStaleUpdate'
import { notifyAfterOrderChange } from '@/lib/orders/notify'
import { ORDER_ACTIONS, ORDER_STATUSES } from '@/lib/orders/workflow'
import { ORDERABLE_KINDS } from '@/lib/orders/submission'
import { AUDIENCES } from '@/lib/vocabulary'

export const COMMENT_REVIEW_STATES = [
  { label: '待审核', value: 'pending' },
  { label: '已通过', value: 'approved' },
  { label: '不公开', value: 'rejected' },
] as const

/** How the admin shows an order's dates: 2026年12月12日 14:30. */
const DATE_TIME = 'yyyy年M月d日 HH:mm'

/** Staff in scope change orders; the assigned lecturer only accepts or declines (the hook). */
const updateOrders: Access = readOrders

const nobody: FieldAccess = () => false

/**
 * 点单 orders: a resident's request for a talk, dispatched, accepted, given and rated. Created only
 * through the public form (POST /api/orders/submit), never through the collection's own API.
 * The timeline is written by the server alone.
 */
export const Orders: CollectionConfig = {
  slug: 'orders',
  labels: { singular: '点单', plural: '点单' },
  admin: {
    useAsTitle: 'number',
    group: '点单',
    defaultColumns: ['number', 'status', 'requesterName', 'phoneMasked', 'org', 'createdAt'],
    listSearchableFields: ['number', 'requesterName', 'subject'],
    description: '群众点单 → 派单 → 宣讲员接单 → 群众评单。状态的每次变化都记入时间线。',
  },
  defaultSort: '-createdAt',
  // No edit locks: a dispatcher who left the order open must not keep the lecturer from accepting
  // it. Concurrent saves are still refused (409, rejectStaleUpdate) and the state machine decides.
  lockDocuments: false,
  access: {
    read: readOrders,
    create: () => false,
    update: updateOrders,
    delete: isAdmin,
    readVersions: () => false,
  },
  endpoints: orderEndpoints,
  hooks: {
    beforeChange: [rejectStaleUpdate, enforceOrderWorkflow],
    afterChange: [refreshOrderPagesAfterChange, notifyAfterOrderChange],
  },
  fields: [
    {
      name: 'number',
      type: 'text',
      label: '订单号',
      required: true,
      unique: true,
      index: true,
      access: { update: nobody },
      admin: { readOnly: true },
    },
    {
      name: 'status',
      type: 'select',
      label: '状态',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...ORDER_STATUSES],
      admin: {
        position: 'sidebar',
        description: '派单：选好宣讲员、时间和地点后改为“已派单”。',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'requesterName',
          type: 'text',
          label: '联系人',
          required: true,
          maxLength: 20,
          access: { update: nobody },
          admin: { readOnly: true },
        },
        {
          name: 'phone',
          type: 'text',
          label: '手机号码',
          // Staff in scope only: the collection's read rule already limits them to their orders.
          access: { read: staffOnlyField, create: nobody, update: nobody },
          admin: { readOnly: true, description: '订单关闭一段时间后自动清除（见站点设置）' },
        },
        {
          name: 'phoneMasked',
          type: 'text',
          label: '手机号码',
          access: { create: nobody, update: nobody },
          admin: { hidden: true },
        },
      ],
    },
    {
      name: 'org',
      type: 'relationship',
      access: { update: staffOnlyField },
      relationTo: 'orgs',
      label: '所在村（社区）',
      required: true,
      index: true,
    },
    {
      name: 'resource',
      type: 'relationship',
      relationTo: [...ORDERABLE_KINDS],
      label: '点单资源',
      access: { update: nobody },
      admin: { readOnly: true },
    },
    {
      name: 'resourceKey',
      type: 'text',
      index: true,
      access: { create: nobody, update: nobody },
      admin: { hidden: true },
    },
    {
      name: 'requestedLecturer',
      type: 'relationship',
      relationTo: 'lecturers',
      label: '群众点名的宣讲员',
      index: true,
      access: { update: nobody },
      admin: { readOnly: true },
    },
    {
      name: 'subject',
      type: 'textarea',
      access: { update: staffOnlyField },
      label: '需求内容',
      maxLength: 200,
    },
    {
      name: 'preferredDates',
      type: 'json',
      label: '希望日期',
      access: { update: nobody },
      admin: { readOnly: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'audienceType',
          type: 'select',
          access: { update: staffOnlyField },
          label: '听众',
          options: [...AUDIENCES],
        },
        {
          name: 'audienceSize',
          type: 'number',
          access: { update: staffOnlyField },
          label: '人数',
          min: 1,
          max: 5000,
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      label: '群众备注',
      maxLength: 500,
      admin: { readOnly: true },
    },
    {
      type: 'collapsible',
      label: '派单',
      fields: [
        {
          name: 'assignee',
          type: 'relationship',
          access: { update: staffOnlyField },
          relationTo: 'lecturers',
          label: '宣讲员或宣讲团',
          index: true,
        },
        {
          name: 'assignedUser',
          type: 'relationship',
          relationTo: 'users',
          index: true,
          access: { create: nobody, update: nobody },
          admin: { hidden: true },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'scheduledAt',
              type: 'date',
              access: { update: staffOnlyField },
              label: '宣讲时间',
              admin: {
                date: {
                  pickerAppearance: 'dayAndTime',
                  timeIntervals: 30,
                  displayFormat: DATE_TIME,
                },
              },
            },
            {
              name: 'place',
              type: 'text',
              access: { update: staffOnlyField },
              label: '宣讲地点',
              maxLength: 80,
            },
          ],
        },
        {
          name: 'reason',
          type: 'text',
          label: '原因（拒单、取消时填写）',
          maxLength: 200,
          admin: { description: '随本次状态变化记入时间线' },
        },
      ],
    },
    {
      type: 'collapsible',
      label: '评单',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'rating',
              type: 'number',
              label: '评分',
              min: 1,
              max: 5,
              access: { create: nobody, update: nobody },
              admin: { readOnly: true },
            },
            {
              name: 'commentReview',
              type: 'select',
              access: { update: staffOnlyField },
              label: '评价公开',
              options: [...COMMENT_REVIEW_STATES],
              index: true,
              admin: { description: '评价内容经审核通过后才在门户显示' },
            },
          ],
        },
        {
          name: 'ratingComment',
          type: 'textarea',
          label: '评价内容',
          access: { create: nobody, update: nobody },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'timeline',
      type: 'array',
      label: '时间线',
      access: { create: nobody, update: nobody },
      admin: {
        readOnly: true,
        position: 'sidebar',
        components: { Field: '@/components/admin/OrderTimeline#OrderTimeline' },
      },
      fields: [
        {
          name: 'at',
          type: 'date',
          label: '时间',
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        { name: 'action', type: 'select', label: '操作', options: [...ORDER_ACTIONS] },
        { name: 'byName', type: 'text', label: '操作人' },
        { name: 'note', type: 'text', label: '说明' },
      ],
    },
    ...(
      [
        ['dispatchedAt', '首次派单时间'],
        ['closedAt', '关闭时间'],
        ['ratedAt', '评价时间'],
        ['phoneErasedAt', '号码清除时间'],
      ] as const
    ).map(([name, label]) => ({
      name,
      type: 'date' as const,
      label,
      index: true,
      access: { create: nobody, update: nobody },
      admin: {
        position: 'sidebar' as const,
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' as const, displayFormat: DATE_TIME },
      },
    })),
    {
      name: 'trackingTokenHash',
      type: 'text',
      unique: true,
      index: true,
      access: { read: nobody, create: nobody, update: nobody },
      admin: { hidden: true },
    },
  ],
}
