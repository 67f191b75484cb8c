import type { Metadata } from 'next'

import { CacheTags } from '@/components/CacheTags'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { ListFilters } from '@/components/list/ListFilters'
import { Pagination } from '@/components/list/Pagination'
import { ResourceGrid } from '@/components/ResourceCard'
import { cardTags, TAGS } from '@/data/cacheTags'
import { listResources } from '@/data/resources'
import { listOrgs, listTopics } from '@/data/taxonomy'
import { listWidgetPath } from '@/lib/embed/options'
import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'
import { isFiltered, listQueryString, type ListQuery } from '@/lib/listQuery'
import { shareMetadata } from '@/lib/seo'

/** A list page's title, description, canonical URL and feed. */
export function kindListMetadata(kind: ResourceKind, query: ListQuery): Metadata {
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
export async function KindList({ kind, query }: { kind: ResourceKind; query: ListQuery }) {
  const [result, topics, orgs] = await Promise.all([
    listResources(kind, query),
    listTopics(),
    listOrgs(),
  ])
  const filtered = isFiltered(query)
  // What expires this list: joining, leaving or reordering the kind (list tag) and edits to a
  // listed card. A filter or the duration order also depends on fields any edit can change (a
  // script that becomes 板凳课堂 joins that list without reordering the kind): those lists go with
  // every public change of the kind.
  const tags = [TAGS.list(kind), ...cardTags(result.cards)]
  if (filtered || query.sort !== 'newest') tags.push(TAGS.anyChange(kind))
  return (
    <>
      {/* Tags the cached list; the static copy of each page records them too. */}
      <CacheTags tags={tags} />
      <section className="hero">
        <h1>{KIND_LABELS[kind].name}</h1>
        <p role="status">
          {filtered ? '符合条件的' : '共'} {result.total} 篇
          {query.sort === 'shortest' ? '，时长最短的在前' : '，最新发布的在前'}
        </p>
      </section>
      <ListFilters kind={kind} query={query} topics={topics} orgs={orgs} />
      {result.cards.length > 0 ? (
        <ResourceGrid cards={result.cards} headingLevel={2} />
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
