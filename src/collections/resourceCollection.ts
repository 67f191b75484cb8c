import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'

import { authenticated } from '@/access/authenticated'
import {
  deleteInScope,
  listInScope,
  readPublishedOrInScope,
  readVersionsInScope,
  updateInScope,
} from '@/access/resourceAccess'
import { resourceFields } from '@/fields/resource'
import { speakersField } from '@/fields/speakers'
import { workflowFields } from '@/fields/workflow'
import { enforceWorkflow, rememberDraftWrite } from '@/hooks/enforceWorkflow'
import {
  rememberBeforeChange,
  rememberBeforeDelete,
  revalidateResourceAfterChange,
  revalidateResourceAfterDelete,
} from '@/hooks/revalidateResource'
import { invalidateSearchAfterChange, invalidateSearchAfterDelete } from '@/hooks/invalidateSearch'
import { rejectStaleUpdate } from '@/hooks/rejectStaleUpdate'
import { setPublishedAt } from '@/hooks/setPublishedAt'
import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

/** The review workflow's actions in the edit view, for the signed-in role (see ReviewActions). */
export const REVIEW_EDIT_COMPONENTS = {
  beforeDocumentControls: ['@/components/admin/ReviewActions#ReviewStateBadge'],
  SaveDraftButton: '@/components/admin/ReviewActions#DraftActions',
  PublishButton: '@/components/admin/ReviewActions#ReviewerPublishButton',
  UnpublishButton: '@/components/admin/ReviewActions#ReviewerUnpublishButton',
}

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
      defaultColumns: defaultColumns ?? ['title', 'org', 'reviewState', 'publishedAt', 'updatedAt'],
      listSearchableFields: ['title', 'summary', 'slug'],
      baseFilter: listInScope,
      components: { edit: REVIEW_EDIT_COMPONENTS },
      // "预览" opens the real portal page of the latest draft, behind the admin session.
      preview: (doc) => `/preview?kind=${kind}&id=${String(doc.id)}`,
    },
    defaultSort: '-publishedAt',
    access: {
      read: readPublishedOrInScope,
      // Any staff account may start a document; enforceWorkflow checks its org.
      create: authenticated,
      update: updateInScope,
      delete: deleteInScope,
      readVersions: readVersionsInScope,
    },
    versions: {
      // schedulePublish: reviewers approve for a future time (run by the jobs queue as them).
      drafts: { autosave: false, validate: false, schedulePublish: true },
      maxPerDoc: 50,
    },
    // Lists newest first without sorting the whole table: the portal filters `_status`, and at
    // 10,000 resources SQLite otherwise sorted every row (with its arrays and relations) to keep
    // 20. The migration adds the same for the admin's draft list (latest versions, newest first).
    indexes: [{ fields: ['_status', 'publishedAt', 'createdAt'] }],
    hooks: {
      beforeOperation: [rememberDraftWrite],
      beforeChange: [
        rejectStaleUpdate,
        enforceWorkflow,
        setPublishedAt,
        ...beforeChange,
        // Last: the others may still refuse the change.
        rememberBeforeChange(kind),
      ],
      // Expires the pages that show the resource and queues the static site, once committed.
      afterChange: [revalidateResourceAfterChange(kind), invalidateSearchAfterChange],
      beforeDelete: [rememberBeforeDelete(kind)],
      afterDelete: [revalidateResourceAfterDelete(kind), invalidateSearchAfterDelete],
    },
    fields: [
      ...resourceFields(),
      ...fields,
      // Textbooks are written, not given: the other kinds name who gives the talk.
      ...(kind === 'textbooks' ? [] : [speakersField()]),
      ...workflowFields(),
      // Payload's own timestamp, declared to show it in lists as "2026年12月2日 15:29" (site zone).
      {
        name: 'updatedAt',
        type: 'date',
        label: '更新时间',
        index: true,
        admin: {
          hidden: true,
          disableBulkEdit: true,
          components: { Cell: '@/components/admin/DateCell#DateCell' },
        },
      },
      {
        name: 'staticPublishState',
        type: 'ui',
        label: '静态站',
        admin: {
          position: 'sidebar',
          components: { Field: '@/components/admin/StaticPublishState#StaticPublishState' },
        },
      },
    ],
  }
}
