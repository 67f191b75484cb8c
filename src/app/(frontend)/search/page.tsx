import type { Metadata } from 'next'

import { searchMetadata, SearchView } from '@/components/search/SearchView'
import { parseSearchParams } from '@/lib/search/params'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(parseSearchParams(await searchParams))
}

/**
 * `/search?…` per request: only in draft mode. Otherwise the proxy rewrites it to the cached
 * route of its canonical query (src/app/(frontend)/lists/search/[query]/page.tsx).
 */
export default async function SearchPage({ searchParams }: Props) {
  return <SearchView request={parseSearchParams(await searchParams)} />
}
