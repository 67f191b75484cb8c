import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ResourceGrid } from '@/components/ResourceCard'
import { listLatest } from '@/data/resources'
import { isResourceKind, KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false
export const dynamicParams = false

type Props = { params: Promise<{ kind: string }> }

export function generateStaticParams() {
  return RESOURCE_KINDS.map((kind) => ({ kind }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind } = await params
  if (!isResourceKind(kind)) return {}
  return { title: KIND_LABELS[kind].name, alternates: { canonical: `/${kind}` } }
}

/** Latest resources of one kind; filters and pagination come with the full portal. */
export default async function KindListPage({ params }: Props) {
  const { kind } = await params
  if (!isResourceKind(kind)) notFound()
  const cards = await listLatest(kind, 48)
  return (
    <>
      <section className="hero">
        <h1>{KIND_LABELS[kind].name}</h1>
        <p>共 {cards.length} 篇，按发布时间排列</p>
      </section>
      <ResourceGrid cards={cards} />
    </>
  )
}
