import type { PublicSnapshot } from '@/data/cacheTags'
import { type ResourceKind, resourcePath } from '@/lib/kinds'

import { searchDocKey } from '../search/types'

import type { Manifest } from './manifest'
import type { SearchChanges } from './search'

/** A change to public content, as queued for the static publisher. */
export type StaticChange =
  | {
      type: 'resource'
      kind: ResourceKind
      /** The public version before and after the change (null: not public). */
      before: PublicSnapshot | null
      after: PublicSnapshot | null
      /** The cache tags the change invalidates (tagsForChange), as on the live server. */
      tags: string[]
    }
  /** Orgs, topics and `site` show on every page: everything is rendered again. */
  | { type: 'all'; reason: string }
  /** Something pages declare by tag only changed (a rating): the pages with those tags. */
  | { type: 'tags'; tags: string[]; reason: string }

/** Recorded for a text file that declared no tags: any change may alter it. */
export const UNTRACKED = '*'

/**
 * The portal URLs to render again for a set of changes: every published file whose recorded tags
 * (what the page said it renders, see CacheTags) meet a change's tags, or that declared none. The
 * resources' detail pages come first, so the page a change is about is the first one on disk;
 * pages that a change makes appear (a new resource, a new last list page) are found by the crawl
 * from the pages that now link to them. 'all' when a change touches the whole portal or there is
 * no manifest yet.
 */
export function sourcesForChanges(
  manifest: Manifest | null,
  changes: StaticChange[],
): string[] | 'all' {
  if (!manifest || changes.some((change) => change.type === 'all')) return 'all'
  const tags = new Set<string>()
  const first: string[] = []
  for (const change of changes) {
    if (change.type === 'all') continue
    for (const tag of change.tags) tags.add(tag)
    if (change.type !== 'resource') continue
    for (const version of [change.after, change.before]) {
      if (version) first.push(resourcePath(change.kind, version.slug))
    }
  }
  if (tags.size === 0) return []
  const touched = Object.values(manifest.files).flatMap((entry) =>
    entry.source && entry.tags?.some((tag) => tag === UNTRACKED || tags.has(tag))
      ? [entry.source]
      : [],
  )
  // The home page first after the details: it is the most visited page a change can touch.
  touched.sort((a, b) => Number(b === '/') - Number(a === '/'))
  return [...new Set([...first, ...touched])]
}

/** The search documents a set of changes touches: each resource's old and new key. */
export function searchChangesOf(changes: StaticChange[]): SearchChanges {
  if (changes.some((change) => change.type === 'all')) return 'all'
  return changes.flatMap((change) =>
    change.type === 'resource'
      ? [change.before, change.after].flatMap((version) =>
          version ? [searchDocKey({ kind: change.kind, slug: version.slug })] : [],
        )
      : [],
  )
}
