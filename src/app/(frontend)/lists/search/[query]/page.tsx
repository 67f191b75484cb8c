import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { searchMetadata, SearchView } from '@/components/search/SearchView'
import { searchOfSegment } from '@/lib/listCache'

/**
 * The cached copy of a search page (src/lib/listCache.ts), reached through the proxy's rewrite of
 * `/search?…`. Rendered on first request, kept in memory until any public change. Only canonical
 * segments exist; the canonical link names `/search`, and robots.txt keeps crawlers out.
 */
export const revalidate = false
export const dynamicParams = true

type Props = { params: Promise<{ query: string }> }

export function generateStaticParams(): { query: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const request = searchOfSegment((await params).query)
  return request ? searchMetadata(request) : {}
}

export default async function CachedSearchPage({ params }: Props) {
  const request = searchOfSegment((await params).query)
  if (!request) notFound()
  return <SearchView request={request} />
}
