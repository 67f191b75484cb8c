import type { Metadata } from 'next'
import { PortalLink } from '@/components/PortalLink'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { TAGS } from '@/data/cacheTags'
import { KindSections } from '@/components/list/KindSections'
import { listAcrossKinds } from '@/data/resources'
import { getTopic, listTopics } from '@/data/taxonomy'
import { listWidgetPath } from '@/lib/embed/options'
import { shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listTopics()).map((topic) => ({ slug: topic.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await getTopic(decodeURIComponent((await params).slug))
  if (!topic) return {}
  return shareMetadata({
    title: topic.name,
    description: topic.description,
    path: `/topics/${topic.slug}`,
    feed: { type: 'topic', slug: topic.slug },
  })
}

/** A topic with its subtopics' resources, by kind. */
export default async function TopicPage({ params }: Props) {
  const topic = await getTopic(decodeURIComponent((await params).slug))
  if (!topic) notFound()
  const results = await listAcrossKinds({ topic: topic.slug })
  return (
    <>
      <CacheTags tags={[TAGS.topic(topic.slug)]} />
      <nav className="breadcrumbs" aria-label="当前位置">
        <PortalLink href="/">首页</PortalLink> › <PortalLink href="/topics">主题</PortalLink>
        {topic.parentTopic ? (
          <>
            {' '}
            ›{' '}
            <PortalLink href={`/topics/${topic.parentTopic.slug}`}>
              {topic.parentTopic.name}
            </PortalLink>
          </>
        ) : null}
      </nav>
      <section className="hero">
        <h1>{topic.name}</h1>
        <p>{topic.description}</p>
      </section>
      {topic.children.length > 0 ? (
        <ul className="chips" aria-label="子主题">
          {topic.children.map((child) => (
            <li key={child.slug}>
              <PortalLink href={`/topics/${child.slug}`}>{child.name}</PortalLink>
            </li>
          ))}
        </ul>
      ) : null}
      <KindSections results={results} filter={{ topic: topic.slug }} />
      <EmbedPanel
        widgetPath={listWidgetPath({ type: 'topic', slug: topic.slug })}
        title={`${topic.name} · 最新资源`}
      />
    </>
  )
}
