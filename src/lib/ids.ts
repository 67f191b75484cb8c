/** A document id as Payload's adapters give it: numbers on SQLite, strings on MongoDB. */
export type DocId = number | string

/** The id of a relationship value, populated (`{ id }`) or not; null when empty. */
export function idOf(value: unknown): DocId | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return ((value as { id?: DocId }).id ?? null) as DocId | null
  return value as DocId
}
