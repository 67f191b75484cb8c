import { notFound } from 'next/navigation'

import { ListWidget } from '@/components/embed/ListWidget'
import { decodeSegment } from '@/lib/embed/options'
import { listTopics } from '@/data/taxonomy'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listTopics()).map((topic) => ({ slug: topic.slug }))
}

/** The newest published resources of every kind under a topic and its subtopics. */
export default async function TopicWidget({ params }: Props) {
  const slug = decodeSegment((await params).slug)
  if (slug === null) notFound()
  return <ListWidget scope={{ type: 'topic', slug }} />
}
