import { notFound } from 'next/navigation'

import { ListWidget } from '@/components/embed/ListWidget'
import { decodeSegment, type EmbedListScope } from '@/lib/embed/options'
import { isResourceKind } from '@/lib/kinds'

type Props = {
  params: Promise<{ path: string[] }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** Which list a filtered widget path names: `scripts`, `topics/<slug>` or `orgs/<slug>`. */
function scopeOf(path: string[]): EmbedListScope | null {
  const [first, second, ...rest] = path.map(decodeSegment)
  if (rest.length > 0 || first === null || second === null) return null
  if (!second && isResourceKind(first)) return { type: 'kind', kind: first }
  if (second && first === 'topics') return { type: 'topic', slug: second }
  if (second && first === 'orgs') return { type: 'org', slug: second }
  return null
}

/**
 * Live only: a list widget filtered by `format`, `dialect` (and `kind` for topic and org lists),
 * rendered per request. The proxy rewrites `/embed/scripts?format=…` here; a static copy has no
 * server to filter, so these variants are not exported.
 */
export default async function FilteredWidget({ params, searchParams }: Props) {
  const scope = scopeOf((await params).path)
  if (!scope) notFound()
  return <ListWidget scope={scope} params={await searchParams} />
}
