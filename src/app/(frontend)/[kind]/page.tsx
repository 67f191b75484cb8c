import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { KindList, kindListMetadata } from '@/components/list/KindList'
import { isResourceKind, RESOURCE_KINDS } from '@/lib/kinds'
import { parseListQuery } from '@/lib/listQuery'

/**
 * A list page rendered per request. Most list requests never reach it: the proxy sends them to
 * the cached copy under /lists (see src/lib/listCache.ts). This one serves draft mode (editors
 * previewing) and pages beyond the cached range.
 */
export const dynamicParams = false

type Props = {
  params: Promise<{ kind: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateStaticParams() {
  return RESOURCE_KINDS.map((kind) => ({ kind }))
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { kind } = await params
  if (!isResourceKind(kind)) return {}
  return kindListMetadata(kind, parseListQuery(kind, await searchParams))
}

export default async function KindListPage({ params, searchParams }: Props) {
  const { kind } = await params
  if (!isResourceKind(kind)) notFound()
  return <KindList kind={kind} query={parseListQuery(kind, await searchParams)} />
}
