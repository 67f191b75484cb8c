import { createHash } from 'node:crypto'

/**
 * How documents are written out for hashing:
 * - `exact` (backups of schema version 1): every key but `undefined` ones, as stored;
 * - `portable` (version 2 on): also leaves out keys that hold no value (`null` or an empty list),
 *   which the adapters store differently (MongoDB keeps a missing `tags` as null, SQLite reads it
 *   back as []), so the same content hashes the same on both.
 */
export type HashForm = 'exact' | 'portable'

/** The hash form of a backup schema version. */
export function hashFormOf(schemaVersion: number): HashForm {
  return schemaVersion >= 2 ? 'portable' : 'exact'
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown, form: HashForm = 'portable'): string {
  return JSON.stringify(sortKeys(value, form))
}

const holdsNothing = (value: unknown) =>
  value === undefined || value === null || (Array.isArray(value) && value.length === 0)

function sortKeys(value: unknown, form: HashForm): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, form))
  if (value instanceof Date) return value.toISOString()
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(source).sort()) {
      const skip = form === 'portable' ? holdsNothing(source[key]) : source[key] === undefined
      if (!skip) sorted[key] = sortKeys(source[key], form)
    }
    return sorted
  }
  return value
}

/** Hex sha256 of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The content hash of one document: sha256 of its canonical JSON. */
export function contentHash(doc: unknown, form: HashForm = 'portable'): string {
  return sha256(canonicalJson(doc, form))
}
