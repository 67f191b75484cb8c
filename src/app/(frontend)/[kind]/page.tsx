import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { cardTags, TAGS } from '@/data/cacheTags'
import { ListFilters } from '@/components/list/ListFilters'
import { Pagination } from '@/components/list/Pagination'
import { ResourceGrid } from '@/components/ResourceCard'
import { listWidgetPath } from '@/lib/embed/options'
import { listResources } from '@/data/resources'
import { listOrgs, listTopics } from '@/data/taxonomy'
import { isResourceKind, KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'
import { shareMetadata } from '@/lib/seo'
import { isFiltered, listQueryString, parseListQuery } from '@/lib/listQuery'

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
  const query = parseListQuery(kind, await searchParams)
  const title =
    query.page > 1 ? `${KIND_LABELS[kind].name}（第 ${query.page} 页）` : KIND_LABELS[kind].name
  return shareMetadata({
    title,
    description: `${KIND_LABELS[kind].name}：可按主题、对象、时长和地区筛选`,
    path: `/${kind}${listQueryString(query)}`,
    feed: { type: 'kind', kind },
  })
}

/** A kind's published resources with the filters lecturers use; all state lives in the URL. */
export default async function KindListPage({ params, searchParams }: Props) {
  const { kind } = await params
  if (!isResourceKind(kind)) notFound()
  const query = parseListQuery(kind, await searchParams)
  const [result, topics, orgs] = await Promise.all([
    listResources(kind, query),
    listTopics(),
    listOrgs(),
  ])
  const filtered = isFiltered(query)
  return (
    <>
      {/* Per request on the live site; the static copy of each page records what it lists. */}
      <CacheTags tags={[TAGS.list(kind), ...cardTags(result.cards)]} />
      <section className="hero">
        <h1>{KIND_LABELS[kind].name}</h1>
        <p role="status">
          {filtered ? '符合条件的' : '共'} {result.total} 篇
          {query.sort === 'shortest' ? '，时长最短的在前' : '，最新发布的在前'}
        </p>
      </section>
      <ListFilters kind={kind} query={query} topics={topics} orgs={orgs} />
      {result.cards.length > 0 ? (
        <ResourceGrid cards={result.cards} />
      ) : (
        <p className="empty">没有符合条件的{KIND_LABELS[kind].name}，请放宽筛选条件。</p>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        href={(page) => `/${kind}${listQueryString({ ...query, page })}`}
      />
      <EmbedPanel
        widgetPath={listWidgetPath({ type: 'kind', kind })}
        title={`最新${KIND_LABELS[kind].name}`}
      />
    </>
  )
}
