import type { FilterOptions, RelationshipField } from 'payload'

import { orgScope, scopeWhere } from '@/access/scope'
import { idOf } from '@/lib/ids'

type OrgFieldOptions = { required?: boolean; overrides?: Partial<RelationshipField> }

/**
 * Staff pick only orgs they may save to (their subtree; lecturers their own org), so the picker
 * never offers a choice the server refuses. System writes (no user) are not limited.
 */
const orgsInScope: FilterOptions = async ({ req }) => {
  if (!req.user) return true
  return scopeWhere(await orgScope(req), 'id')
}

/** The org (center, institute or station) a document belongs to; new ones start in the user's. */
export function orgField({
  required = true,
  overrides = {},
}: OrgFieldOptions = {}): RelationshipField {
  return {
    name: 'org',
    type: 'relationship',
    relationTo: 'orgs',
    label: '所属组织',
    required,
    index: true,
    defaultValue: ({ user }) => idOf((user as { org?: unknown } | null)?.org) ?? undefined,
    filterOptions: orgsInScope,
    admin: { position: 'sidebar' },
    ...overrides,
  } as RelationshipField
}
