import { notFound } from 'next/navigation'

import { ListWidget } from '@/components/embed/ListWidget'
import { decodeSegment } from '@/lib/embed/options'
import { listOrgs } from '@/data/taxonomy'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listOrgs()).map((org) => ({ slug: org.slug }))
}

/** The newest published resources of every kind from an org and the orgs under it. */
export default async function OrgWidget({ params }: Props) {
  const slug = decodeSegment((await params).slug)
  if (slug === null) notFound()
  return <ListWidget scope={{ type: 'org', slug }} />
}
