import type {
  Access,
  CollectionAfterChangeHook,
  CollectionConfig,
  FieldAccess,
  Where,
} from 'payload'

import { authenticated } from '@/access/authenticated'
import { staffOnlyField } from '@/access/staff'
import { orgScope, scopeWhere } from '@/access/scope'
import { deleteInScope, listInScope, readPublishedOrInScope } from '@/access/resourceAccess'
import { REVIEW_EDIT_COMPONENTS } from '@/collections/resourceCollection'
import { orgField } from '@/fields/org'
import { slugField } from '@/fields/slug'
import { workflowFields } from '@/fields/workflow'
import { enforceWorkflow, isDraftWrite, rememberDraftWrite } from '@/hooks/enforceWorkflow'
import { rejectStaleUpdate } from '@/hooks/rejectStaleUpdate'
import {
  revalidatePortalAfterChange,
  revalidatePortalAfterDelete,
} from '@/hooks/revalidateResource'
import { queueStaticSiteAfterChange, queueStaticSiteAfterDelete } from '@/hooks/staticPublish'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { DIALECTS } from '@/lib/vocabulary'
import type { User } from '@/payload-types'

export const LECTURER_KINDS = [
  { label: '宣讲员', value: 'person' },
  { label: '宣讲团', value: 'team' },
] as const

/**
 * Staff update profiles in their scope; a lecturer updates the profile linked to their own
 * account (and what they started themselves).
 */
const updateLecturer: Access = async ({ req }) => {
  const user = req.user as User | null
  if (!user) return false
  const scope = await orgScope(req)
  if (scope.all) return true
  if (user.role === 'lecturer') {
    return {
      or: [{ account: { equals: user.id } }, { createdBy: { equals: user.id } }],
    } satisfies Where
  }
  return scopeWhere(scope) as Where
}

/** Runs an after-change hook only when the published profile was or is involved. */
function whenPublicProfileChanged(hook: CollectionAfterChangeHook): CollectionAfterChangeHook {
  return (args) => {
    const { doc, previousDoc, req } = args
    const involved = doc._status === 'published' || previousDoc?._status === 'published'
    return involved && !isDraftWrite(req) ? hook(args) : doc
  }
}

/**
 * Public profiles of lecturers and lecture teams (宣讲员 / 宣讲团): who gives a talk, where, in
 * which dialect. Reviewed and published like resources. No contact details are kept here: the
 * linked account (for 我的派单) is visible to staff only.
 */
export const Lecturers: CollectionConfig = {
  slug: 'lecturers',
  labels: { singular: '宣讲员', plural: '宣讲员与宣讲团' },
  admin: {
    useAsTitle: 'displayName',
    group: '点单',
    defaultColumns: ['displayName', 'kind', 'org', 'reviewState'],
    listSearchableFields: ['displayName', 'team', 'slug'],
    baseFilter: listInScope,
    // Reviewed and published like resources, with the same actions.
    components: { edit: REVIEW_EDIT_COMPONENTS },
  },
  access: {
    read: readPublishedOrInScope,
    create: authenticated,
    update: updateLecturer,
    delete: deleteInScope,
    readVersions: async ({ req }) =>
      req.user ? scopeWhere(await orgScope(req), 'version.org') : false,
  },
  versions: { drafts: { autosave: false, validate: false }, maxPerDoc: 20 },
  hooks: {
    beforeOperation: [rememberDraftWrite],
    beforeChange: [rejectStaleUpdate, enforceWorkflow, setPublishedAt],
    // Names show on resource pages (主讲) and the profile pages link to each other: a change to
    // a public profile refreshes the portal, as an org or topic change does. Draft saves do not.
    afterChange: [
      whenPublicProfileChanged(revalidatePortalAfterChange),
      whenPublicProfileChanged(queueStaticSiteAfterChange),
    ],
    afterDelete: [revalidatePortalAfterDelete, queueStaticSiteAfterDelete],
  },
  fields: [
    { name: 'displayName', type: 'text', label: '名称', required: true, maxLength: 30 },
    slugField({ from: 'displayName' }),
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      defaultValue: 'person',
      options: [...LECTURER_KINDS],
    },
    {
      name: 'team',
      type: 'text',
      label: '所属宣讲团',
      maxLength: 40,
      admin: { condition: (data) => data?.kind !== 'team', description: '如：银发宣讲团' },
    },
    orgField(),
    { name: 'photo', type: 'upload', relationTo: 'media', label: '照片' },
    {
      name: 'dialects',
      type: 'select',
      label: '宣讲语言',
      hasMany: true,
      options: [...DIALECTS],
    },
    { name: 'topics', type: 'relationship', relationTo: 'topics', hasMany: true, label: '主题' },
    { name: 'bio', type: 'textarea', label: '简介', maxLength: 600 },
    {
      name: 'account',
      type: 'relationship',
      relationTo: 'users',
      label: '宣讲员账号',
      unique: true,
      index: true,
      access: {
        read: authenticated as FieldAccess,
        create: staffOnlyField,
        update: staffOnlyField,
      },
      admin: {
        position: 'sidebar',
        description: '派给这位宣讲员的订单出现在该账号的“我的派单”中。不会在门户上显示。',
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: '发布时间',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    ...workflowFields(),
  ],
}
