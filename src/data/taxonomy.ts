import { cache } from 'react'

import { idOf } from '@/lib/ids'
import { ancestorIds, subtreeIds } from '@/lib/tree'
import type { Org, Topic } from '@/payload-types'

import { payloadClient } from './payload'
import type { DocId, OrgNode, TopicNode } from './types'

/** Every org of the county, in a stable order (orgs are public). */
export const listOrgs = cache(async (): Promise<OrgNode[]> => {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'orgs',
    pagination: false,
    limit: 0,
    depth: 0,
    sort: 'createdAt',
    select: { name: true, slug: true, level: true, parent: true, description: true },
    overrideAccess: false,
  })
  return (docs as Org[]).map((org) => ({
    id: org.id,
    slug: org.slug ?? '',
    name: org.name,
    level: org.level,
    parent: idOf(org.parent),
    description: org.description ?? '',
  }))
})

/** Every topic, ordered as the admin ordered them. */
export const listTopics = cache(async (): Promise<TopicNode[]> => {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'topics',
    pagination: false,
    limit: 0,
    depth: 0,
    sort: 'order',
    select: { name: true, slug: true, parent: true, description: true, order: true },
    overrideAccess: false,
  })
  return (docs as Topic[]).map((topic) => ({
    id: topic.id,
    slug: topic.slug ?? '',
    name: topic.name,
    parent: idOf(topic.parent),
    description: topic.description ?? '',
  }))
})

/** Ids of the org with this slug and all orgs below it; null when no such org. */
export async function orgSubtreeIds(slug: string): Promise<DocId[] | null> {
  const orgs = await listOrgs()
  const org = orgs.find((item) => item.slug === slug)
  return org ? subtreeIds(orgs, org.id) : null
}

/** Ids of the topic with this slug and its subtopics; null when no such topic. */
export async function topicSubtreeIds(slug: string): Promise<DocId[] | null> {
  const topics = await listTopics()
  const topic = topics.find((item) => item.slug === slug)
  return topic ? subtreeIds(topics, topic.id) : null
}

/** An org with its ancestors (nearest last, for breadcrumbs) and direct children. */
export async function getOrg(slug: string) {
  const orgs = await listOrgs()
  const org = orgs.find((item) => item.slug === slug)
  if (!org) return null
  const byId = new Map(orgs.map((item) => [item.id, item]))
  return {
    ...org,
    ancestors: ancestorIds(orgs, org.id)
      .reverse()
      .flatMap((id) => byId.get(id) ?? []),
    children: orgs.filter((item) => item.parent === org.id),
    subtree: subtreeIds(orgs, org.id),
  }
}

/** A topic with its parent and subtopics. */
export async function getTopic(slug: string) {
  const topics = await listTopics()
  const topic = topics.find((item) => item.slug === slug)
  if (!topic) return null
  return {
    ...topic,
    parentTopic: topics.find((item) => item.id === topic.parent) ?? null,
    children: topics.filter((item) => item.parent === topic.id),
    subtree: subtreeIds(topics, topic.id),
  }
}
