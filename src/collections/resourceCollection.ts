import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'

import { authenticated } from '@/access/authenticated'
import { publishedOrAuthenticated } from '@/access/publishedOrAuthenticated'
import { resourceFields } from '@/fields/resource'
import {
  revalidateResourceAfterChange,
  revalidateResourceAfterDelete,
} from '@/hooks/revalidateResource'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

type ResourceCollectionOptions = {
  /** Kind-specific fields, shown after the shared ones. */
  fields: Field[]
  beforeChange?: CollectionBeforeChangeHook[]
  defaultColumns?: string[]
}

/**
 * One shape for the four resource kinds: shared fields, drafts with versions, the
 * published-or-authenticated read rule, publish stamping and revalidation.
 */
export function resourceCollection(
  kind: ResourceKind,
  { fields, beforeChange = [], defaultColumns }: ResourceCollectionOptions,
): CollectionConfig {
  const label = KIND_LABELS[kind].name
  return {
    slug: kind,
    labels: { singular: label, plural: label },
    admin: {
      useAsTitle: 'title',
      group: '资源',
      defaultColumns: defaultColumns ?? ['title', 'org', '_status', 'publishedAt', 'updatedAt'],
      listSearchableFields: ['title', 'summary', 'slug'],
    },
    defaultSort: '-publishedAt',
    access: {
      read: publishedOrAuthenticated,
      create: authenticated,
      update: authenticated,
      delete: authenticated,
      readVersions: authenticated,
    },
    versions: { drafts: { autosave: false, validate: false }, maxPerDoc: 50 },
    hooks: {
      beforeChange: [setPublishedAt, ...beforeChange],
      afterChange: [revalidateResourceAfterChange(kind)],
      afterDelete: [revalidateResourceAfterDelete(kind)],
    },
    fields: [...resourceFields(), ...fields],
  }
}
