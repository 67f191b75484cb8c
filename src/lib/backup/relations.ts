import type { FlattenedField } from 'payload'

type Id = number | string

/**
 * Maps an id in the source database to its id in the target. `undefined` means the target
 * document does not exist yet (a forward reference): the field is written in a second pass.
 */
export type ResolveId = (collection: string, id: Id) => Id | undefined

export type MappedDocument = {
  data: Record<string, unknown>
  /** Top-level fields that pointed at documents not restored yet; patch them later. */
  deferred: string[]
}

function isId(value: unknown): value is Id {
  return typeof value === 'number' || typeof value === 'string'
}

function idOfValue(value: unknown): Id | undefined {
  if (isId(value)) return value
  if (value && typeof value === 'object' && isId((value as { id?: unknown }).id)) {
    return (value as { id: Id }).id
  }
  return undefined
}

class Mapper {
  unresolved = false
  constructor(private readonly resolve: ResolveId) {}

  id(collection: string, value: unknown): unknown {
    const id = idOfValue(value)
    if (id === undefined) return value
    const mapped = this.resolve(collection, id)
    if (mapped === undefined) {
      this.unresolved = true
      return null
    }
    return mapped
  }

  relation(field: { relationTo: string | string[]; hasMany?: boolean }, value: unknown): unknown {
    if (value === null || value === undefined) return value
    const one = (item: unknown): unknown => {
      if (Array.isArray(field.relationTo)) {
        if (!item || typeof item !== 'object') return item
        const poly = item as { relationTo: string; value: unknown }
        const mapped = this.id(poly.relationTo, poly.value)
        return mapped === null ? null : { ...poly, value: mapped }
      }
      return this.id(field.relationTo, item)
    }
    if (field.hasMany && Array.isArray(value)) {
      return value.map(one).filter((item) => item !== null)
    }
    return one(value)
  }

  /** Lexical (and other JSON) rich text: upload/relationship nodes and internal links. */
  json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.json(item))
    if (!value || typeof value !== 'object') return value
    const node = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) out[key] = this.json(child)
    if (
      typeof node.relationTo === 'string' &&
      'value' in node &&
      idOfValue(node.value) !== undefined
    ) {
      const mapped = this.id(node.relationTo, node.value)
      out.value =
        mapped !== null && node.value && typeof node.value === 'object'
          ? { ...(node.value as object), id: mapped }
          : mapped
    }
    return out
  }

  fields(
    fields: readonly FlattenedField[],
    data: Record<string, unknown>,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = { ...data }
    for (const field of fields) {
      if (!('name' in field) || !(field.name in data)) continue
      out[field.name] = this.field(field, data[field.name])
    }
    return out
  }

  field(field: FlattenedField, value: unknown): unknown {
    if (value === null || value === undefined) return value
    switch (field.type) {
      case 'relationship':
      case 'upload':
        return this.relation(field, value)
      case 'richText':
      case 'json':
        return this.json(value)
      case 'group':
      case 'tab':
        return typeof value === 'object'
          ? this.fields(field.flattenedFields, value as Record<string, unknown>)
          : value
      case 'array':
        return Array.isArray(value)
          ? value.map((row) => this.fields(field.flattenedFields, row as Record<string, unknown>))
          : value
      case 'blocks':
        return Array.isArray(value)
          ? value.map((row) => {
              const block = field.blocks.find(
                (candidate) => candidate.slug === (row as { blockType?: string }).blockType,
              )
              return block
                ? this.fields(block.flattenedFields, row as Record<string, unknown>)
                : this.json(row)
            })
          : value
      default:
        return value
    }
  }
}

/** Whether a field can hold a reference to another document (directly or nested). */
export function holdsReferences(field: FlattenedField): boolean {
  switch (field.type) {
    case 'relationship':
    case 'upload':
    case 'richText':
    case 'json':
      return true
    case 'group':
    case 'tab':
    case 'array':
      return field.flattenedFields.some(holdsReferences)
    case 'blocks':
      return true
    default:
      return false
  }
}

/**
 * Rewrites every reference in a document through `resolve`. References to documents that do not
 * exist in the target yet become null and their top-level field is listed in `deferred`.
 */
export function mapReferences(
  fields: readonly FlattenedField[],
  doc: Record<string, unknown>,
  resolve: ResolveId,
): MappedDocument {
  const data: Record<string, unknown> = { ...doc }
  const deferred: string[] = []
  for (const field of fields) {
    if (!('name' in field) || !(field.name in doc) || !holdsReferences(field)) continue
    const mapper = new Mapper(resolve)
    data[field.name] = mapper.field(field, doc[field.name])
    if (mapper.unresolved) deferred.push(field.name)
  }
  return { data, deferred }
}

/** Collection slugs that the fields reference (for restoring referenced collections first). */
export function referencedCollections(fields: readonly FlattenedField[]): Set<string> {
  const found = new Set<string>()
  const visit = (list: readonly FlattenedField[]) => {
    for (const field of list) {
      if (field.type === 'relationship' || field.type === 'upload') {
        for (const slug of [field.relationTo].flat()) found.add(slug)
      } else if (field.type === 'group' || field.type === 'tab' || field.type === 'array') {
        visit(field.flattenedFields)
      } else if (field.type === 'blocks') {
        for (const block of field.blocks) visit(block.flattenedFields)
      }
    }
  }
  visit(fields)
  return found
}
