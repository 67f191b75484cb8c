import type { RelationshipField } from 'payload'

type OrgFieldOptions = { required?: boolean; overrides?: Partial<RelationshipField> }

/** The org (center, institute or station) a document belongs to. */
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
    admin: { position: 'sidebar' },
    ...overrides,
  } as RelationshipField
}
