import { isResourceKind, type ResourceKind } from '@/lib/kinds'

/** At most this many documents by key in one request; the static publisher reads all beyond it. */
export const MAX_SEARCH_DOCUMENT_KEYS = 100

/** `scripts/a,videos/b` as slugs by kind; null when malformed or too many. */
export function parseDocumentKeys(value: string): Partial<Record<ResourceKind, string[]>> | null {
  const keys = value.split(',').filter(Boolean)
  if (keys.length > MAX_SEARCH_DOCUMENT_KEYS) return null
  const only: Partial<Record<ResourceKind, string[]>> = {}
  for (const key of keys) {
    const slash = key.indexOf('/')
    const kind = key.slice(0, slash)
    const slug = key.slice(slash + 1)
    if (slash < 0 || !isResourceKind(kind) || !slug || slug.length > 200) return null
    ;(only[kind] ??= []).push(slug)
  }
  return only
}
