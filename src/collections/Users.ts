import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { adminOrSelf } from '@/access/adminOrSelf'
import { readUsersInScope } from '@/access/usersInScope'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { orgField } from '@/fields/org'
import { passwordPolicy } from '@/hooks/passwordPolicy'
import { ROLES } from '@/lib/vocabulary'

/** The very first account of a new installation becomes its administrator. */
const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) data.role = 'admin'
  return data
}

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'org'],
    group: '组织与用户',
  },
  access: {
    read: readUsersInScope,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req: { user } }) => Boolean(user),
  },
  hooks: { beforeValidate: [passwordPolicy], beforeChange: [firstUserIsAdmin] },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true, maxLength: 40 },
    {
      name: 'role',
      type: 'select',
      label: '角色',
      required: true,
      defaultValue: 'lecturer',
      options: [...ROLES],
      access: { create: isAdminField, update: isAdminField },
      admin: { position: 'sidebar' },
    },
    orgField({
      required: false,
      overrides: { access: { create: isAdminField, update: isAdminField } },
    }),
  ],
}
