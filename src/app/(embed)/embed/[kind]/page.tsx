import { notFound } from 'next/navigation'

import { ListWidget } from '@/components/embed/ListWidget'
import { isResourceKind, RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false
export const dynamicParams = false

type Props = { params: Promise<{ kind: string }> }

export function generateStaticParams() {
  return RESOURCE_KINDS.map((kind) => ({ kind }))
}

/**
 * The newest published resources of a kind. Static (prerendered, revalidated on publish):
 * `count`, `layout`, `theme` and `accent` are applied in the browser, so they work in the static
 * export too; `format`/`dialect` filters are rewritten by the proxy to the live `filtered` route.
 */
export default async function KindWidget({ params }: Props) {
  const { kind } = await params
  if (!isResourceKind(kind)) notFound()
  return <ListWidget scope={{ type: 'kind', kind }} />
}
