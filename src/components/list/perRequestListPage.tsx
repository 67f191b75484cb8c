import type { Metadata } from 'next'

import { KindList, kindListMetadata } from '@/components/list/KindList'
import type { ResourceKind } from '@/lib/kinds'
import { parseListQuery } from '@/lib/listQuery'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * A kind's list page rendered per request (`/scripts`, `/videos`, …). Most list requests never
 * reach it: the proxy sends them to the cached copy under /lists (src/lib/listCache.ts). This one
 * serves draft mode (editors previewing) and pages beyond the cached range. Each kind has its own
 * route folder, so an unknown one-segment address is unmatched and gets the global not-found page.
 */
export function perRequestListPage(kind: ResourceKind) {
  return {
    async generateMetadata({ searchParams }: Props): Promise<Metadata> {
      return kindListMetadata(kind, parseListQuery(kind, await searchParams))
    },
    async Page({ searchParams }: Props) {
      return <KindList kind={kind} query={parseListQuery(kind, await searchParams)} />
    },
  }
}
