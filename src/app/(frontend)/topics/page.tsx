import type { Metadata } from 'next'
import { PortalLink } from '@/components/PortalLink'

import { listTopics } from '@/data/taxonomy'
import { TAGS } from '@/data/cacheTags'
import { CacheTags } from '@/components/CacheTags'

export const revalidate = false

export const metadata: Metadata = { title: '主题', alternates: { canonical: '/topics' } }

/** The 五项工作 and their subtopics. */
export default async function TopicsPage() {
  const topics = await listTopics()
  const roots = topics.filter((topic) => topic.parent === null)
  return (
    <>
      <CacheTags tags={[TAGS.structure]} />
      <section className="hero">
        <h1>按主题浏览</h1>
        <p>新时代文明实践“五项工作”及其细分主题</p>
      </section>
      <ul className="tree">
        {roots.map((root) => (
          <li key={root.slug}>
            <PortalLink href={`/topics/${root.slug}`}>{root.name}</PortalLink>
            <ul className="chips">
              {topics
                .filter((topic) => topic.parent === root.id)
                .map((topic) => (
                  <li key={topic.slug}>
                    <PortalLink href={`/topics/${topic.slug}`}>{topic.name}</PortalLink>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  )
}
