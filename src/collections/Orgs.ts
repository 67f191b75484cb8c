import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { invalidateSearchAfterChange, invalidateSearchAfterDelete } from '@/hooks/invalidateSearch'
import { slugField } from '@/fields/slug'
import { queueStaticSiteAfterChange, queueStaticSiteAfterDelete } from '@/hooks/staticPublish'
import {
  revalidatePortalAfterChange,
  revalidatePortalAfterDelete,
} from '@/hooks/revalidateResource'
import { ORG_LEVELS } from '@/lib/vocabulary'

/** The county's practice network: center → institutes → stations, plus media-center partners. */
export const Orgs: CollectionConfig<'orgs'> = {
  slug: 'orgs',
  labels: { singular: '组织', plural: '组织机构' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'level', 'parent', 'regionCode'],
    group: '组织与用户',
  },
  access: { read: anyone, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    afterChange: [
      revalidatePortalAfterChange,
      invalidateSearchAfterChange,
      queueStaticSiteAfterChange,
    ],
    afterDelete: [
      revalidatePortalAfterDelete,
      invalidateSearchAfterDelete,
      queueStaticSiteAfterDelete,
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true, maxLength: 80 },
    slugField({ from: 'name' }),
    {
      name: 'level',
      type: 'select',
      label: '层级',
      required: true,
      options: [...ORG_LEVELS],
      index: true,
    },
    {
      name: 'regionCode',
      type: 'text',
      label: '行政区划代码',
      admin: { description: '6 位（县级）或 12 位（乡镇、村级）统计用区划代码' },
      validate: (value: string | null | undefined) =>
        !value || /^\d{6}(\d{3}|\d{6})?$/.test(value) || '行政区划代码应为 6、9 或 12 位数字',
    },
    { name: 'description', type: 'textarea', label: '简介', maxLength: 1000 },
  ],
}
