import { CACHE_TAGS_META } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'

/**
 * Declares what a page renders: tags its cache entry (so a change invalidates exactly the pages
 * that show it) and names the same tags in a meta element, from which the static publisher records
 * them for the page's file (and which it strips from the file).
 */
export function CacheTags({ tags }: { tags: readonly string[] }) {
  const unique = [...new Set(tags)]
  declareTags(unique)
  return <meta name={CACHE_TAGS_META} content={unique.join(' ')} />
}
