import type { MetadataRoute } from 'next'

import { EVERY_CHANGE } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'
import { countByKind, listPublishedEntries } from '@/data/resources'
import { listLecturerSlugs } from '@/data/lecturers'
import { listOrgs, listTopics } from '@/data/taxonomy'
import { RESOURCE_KINDS, resourcePath } from '@/lib/kinds'
import { listQueryString, PAGE_SIZE } from '@/lib/listQuery'
import { serverUrl } from '@/lib/serverUrl'

export const revalidate = false

/**
 * Every public page: home, list pages with their pagination, topics, orgs, lecturer profiles, the
 * order form and each resource. (Profiles change the whole portal, which refreshes this too.)
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  declareTags(EVERY_CHANGE)
  const base = serverUrl()
  const [counts, topics, orgs, lecturers, entries] = await Promise.all([
    countByKind(),
    listTopics(),
    listOrgs(),
    listLecturerSlugs(),
    Promise.all(
      RESOURCE_KINDS.map(async (kind) => [kind, await listPublishedEntries(kind)] as const),
    ),
  ])
  const urls: MetadataRoute.Sitemap = [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/topics` },
    { url: `${base}/orgs` },
    { url: `${base}/lecturers` },
    { url: `${base}/orders` },
    { url: `${base}/orders/figures` },
  ]
  for (const kind of RESOURCE_KINDS) {
    const pages = Math.max(1, Math.ceil(counts[kind] / PAGE_SIZE))
    for (let page = 1; page <= pages; page += 1) {
      urls.push({ url: `${base}/${kind}${listQueryString({ page })}`, changeFrequency: 'daily' })
    }
  }
  for (const topic of topics) urls.push({ url: `${base}/topics/${topic.slug}` })
  for (const org of orgs) urls.push({ url: `${base}/orgs/${org.slug}` })
  for (const slug of lecturers) urls.push({ url: `${base}/lecturers/${slug}` })
  for (const [kind, items] of entries) {
    for (const item of items) {
      urls.push({ url: `${base}${resourcePath(kind, item.slug)}`, lastModified: item.updatedAt })
    }
  }
  return urls
}
