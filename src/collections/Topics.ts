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

/** Themes of the work; the top level is the 五项工作 (five kinds of work). */
export const Topics: CollectionConfig<'topics'> = {
  slug: 'topics',
  labels: { singular: '主题', plural: '主题' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'parent', 'order'],
    group: '分类',
  },
  defaultSort: 'order',
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
    { name: 'name', type: 'text', label: '名称', required: true, maxLength: 40 },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', label: '说明', maxLength: 500 },
    {
      name: 'order',
      type: 'number',
      label: '排序',
      defaultValue: 0,
      admin: { position: 'sidebar', description: '数字越小越靠前' },
    },
  ],
}
