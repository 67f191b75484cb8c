import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { KindList, kindListMetadata } from '@/components/list/KindList'
import { isResourceKind } from '@/lib/kinds'
import { queryOfSegment } from '@/lib/listCache'

/**
 * The cached copy of a list page (src/lib/listCache.ts), reached through the proxy's rewrite of
 * `/{kind}?…`. Rendered on first request, kept until its tags expire. Only canonical segments
 * exist; the page's canonical link names the public URL, and robots.txt keeps crawlers out.
 */
export const revalidate = false
export const dynamicParams = true

type Props = { params: Promise<{ kind: string; query: string }> }

export function generateStaticParams(): { kind: string; query: string }[] {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, query } = await params
  const listQuery = isResourceKind(kind) ? queryOfSegment(kind, query) : null
  return isResourceKind(kind) && listQuery ? kindListMetadata(kind, listQuery) : {}
}

export default async function CachedKindListPage({ params }: Props) {
  const { kind, query } = await params
  const listQuery = isResourceKind(kind) ? queryOfSegment(kind, query) : null
  if (!isResourceKind(kind) || !listQuery) notFound()
  return <KindList kind={kind} query={listQuery} />
}
