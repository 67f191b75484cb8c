import type { Metadata } from 'next'

import { CacheTags } from '@/components/CacheTags'
import { PortalLink as Link } from '@/components/PortalLink'
import { EVERY_CHANGE, TAGS } from '@/data/cacheTags'
import { searchNames, searchPeople, searchResources } from '@/data/search'
import { formatDate } from '@/lib/format'
import { KIND_LABELS, RESOURCE_KINDS, resourcePath } from '@/lib/kinds'
import { isEmptySearch, type SearchRequest } from '@/lib/listCache'
import { personMeta } from '@/lib/search/people'
import { DURATION_BUCKETS, type FacetName, type SearchFilters } from '@/lib/search/types'
import { AUDIENCES, DIALECTS, labelOf, SCRIPT_FORMATS } from '@/lib/vocabulary'

import './search.css'

/** Results are not for indexing; without its own canonical the page would inherit the home's. */
export function searchMetadata({ query }: SearchRequest): Metadata {
  return {
    title: query ? `搜索：${query}` : '搜索',
    robots: { index: false, follow: true },
    alternates: { canonical: '/search' },
  }
}

const FACET_TITLES: Record<FacetName, string> = {
  kind: '类型',
  topic: '主题',
  org: '地区',
  format: '宣讲形式',
  audience: '适合对象',
  dialect: '语言',
  duration: '时长',
}

function hrefWith(
  query: string,
  filters: SearchFilters,
  change: Partial<Record<FacetName, string | undefined>>,
) {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  const next = { ...filters, ...change }
  for (const [key, value] of Object.entries(next)) if (value) params.set(key, value)
  return `/search?${params.toString()}`
}

function SearchForm({ query, filters }: { query: string; filters: SearchFilters }) {
  return (
    <form role="search" action="/search" method="get" className="search-form">
      <label htmlFor="q">搜索宣讲稿、视频、教材和案例</label>
      <div className="search-row">
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="如：移风易俗、彩礼、老年人 防诈骗"
          maxLength={100}
        />
        {Object.entries(filters).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <button className="button" type="submit">
          搜索
        </button>
      </div>
    </form>
  )
}

/**
 * `/search` with nothing asked: the box and where to start. Nothing to rank, so no search index
 * to build (at 10k resources that is seconds of work), and the page changes only with the county's
 * structure: the static copy's search page, which its script fills for a query, is not rendered
 * again for every resource change.
 */
async function SearchPrompt() {
  const names = await searchNames()
  return (
    <div className="search">
      <CacheTags tags={[TAGS.structure]} />
      <SearchForm query="" filters={{}} />
      <section className="results search-prompt" aria-live="polite" data-search-results>
        <p>
          输入想找的内容：一个词、几个字或宣讲员的名字，多个词用空格隔开；拼音和首字母也能找，比如
          cl 就是“彩礼”。
        </p>
        <h2>从主题看起</h2>
        <ul className="tags">
          {names.suggested.map((topic) => (
            <li key={topic.slug}>
              <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>
            </li>
          ))}
        </ul>
        <h2>按类型浏览</h2>
        <ul className="tags">
          {RESOURCE_KINDS.map((kind) => (
            <li key={kind}>
              <Link href={`/${kind}`}>{KIND_LABELS[kind].name}</Link>
            </li>
          ))}
          <li>
            <Link href="/lecturers">宣讲员与宣讲团</Link>
          </li>
        </ul>
      </section>
    </div>
  )
}

/**
 * The search page for one request. Served from its cached route (`/lists/search/…`, see
 * src/lib/listCache.ts) and, in draft mode, by `/search` per request.
 */
export async function SearchView({ request }: { request: SearchRequest }) {
  const { query, filters, page } = request
  if (isEmptySearch(request)) return <SearchPrompt />
  const plain = Object.keys(filters).length === 0 && page === 1
  const [result, names, people] = await Promise.all([
    searchResources(query, filters, page),
    searchNames(),
    plain ? searchPeople(query) : [],
  ])
  const label = (facet: FacetName, value: string): string => {
    switch (facet) {
      case 'kind':
        return KIND_LABELS[value as keyof typeof KIND_LABELS]?.short ?? value
      case 'topic':
        return names.topics[value] ?? value
      case 'org':
        return names.orgs[value] ?? value
      case 'format':
        return labelOf(SCRIPT_FORMATS, value)
      case 'audience':
        return labelOf(AUDIENCES, value)
      case 'dialect':
        return labelOf(DIALECTS, value)
      case 'duration':
        return DURATION_BUCKETS.find((bucket) => bucket.value === value)?.label ?? value
    }
  }
  const perPage = 20
  const pages = Math.ceil(result.total / perPage)
  return (
    <div className="search">
      {/* Until any change on the live site; the static copy serves the prompt (SearchPrompt). */}
      <CacheTags tags={EVERY_CHANGE} />
      <SearchForm query={query} filters={filters} />

      <div className="search-layout">
        {/* On phones the facets fold behind one 筛选 control; on wide screens they are a column. */}
        <details className="facets-panel" data-export="omit">
          <summary>
            筛选
            {Object.keys(filters).length > 0 ? `（已选 ${Object.keys(filters).length} 项）` : ''}
          </summary>
          <aside className="facets" aria-label="筛选">
            {(Object.keys(FACET_TITLES) as FacetName[]).map((facet) =>
              result.facets[facet].length > 0 || filters[facet] ? (
                <section key={facet}>
                  <h2>{FACET_TITLES[facet]}</h2>
                  <ul>
                    {filters[facet] ? (
                      <li>
                        <Link
                          href={hrefWith(query, filters, { [facet]: undefined })}
                          className="facet-active"
                        >
                          {label(facet, filters[facet] as string)} ✕
                        </Link>
                      </li>
                    ) : (
                      result.facets[facet].slice(0, 12).map(({ value, count }) => (
                        <li key={value}>
                          <Link href={hrefWith(query, filters, { [facet]: value })}>
                            {label(facet, value)} <span className="facet-count">{count}</span>
                          </Link>
                        </li>
                      ))
                    )}
                  </ul>
                </section>
              ) : null,
            )}
          </aside>
        </details>

        <section className="results" aria-live="polite" data-search-results>
          {people.length > 0 ? (
            <div className="people-hits">
              <h2>宣讲员 · 宣讲团</h2>
              <ul>
                {people.map((person) => (
                  <li key={person.slug}>
                    <Link href={`/lecturers/${person.slug}`}>{person.name}</Link>
                    <span className="people-meta">{personMeta(person)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="results-summary">
            {query ? <>“{query}”</> : '全部资源'}：共 {result.total} 条
            {result.partial ? '（没有同时包含所有词语的结果，以下为包含部分词语的结果）' : ''}
          </p>
          {result.total === 0 ? (
            <div className="no-results">
              <p>没有找到相关资源。可以试试：少输入几个字、换个说法，或从这些主题看起：</p>
              <ul className="tags">
                {names.suggested.map((topic) => (
                  <li key={topic.slug}>
                    <Link href={hrefWith('', {}, { topic: topic.slug })} data-export="omit">
                      {topic.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ol className="hits">
              {result.hits.map((hit) => (
                <li key={`${hit.kind}-${hit.slug}`} className="hit">
                  <span className="kind-label">{KIND_LABELS[hit.kind].short}</span>
                  <h2>
                    <Link href={resourcePath(hit.kind, hit.slug)}>{hit.title}</Link>
                  </h2>
                  <p className="snippet">
                    {hit.snippet.map((part, index) =>
                      part.match ? (
                        <mark key={index}>{part.text}</mark>
                      ) : (
                        <span key={index}>{part.text}</span>
                      ),
                    )}
                  </p>
                  <p className="hit-meta">
                    {hit.orgName} · {formatDate(hit.publishedAt)}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav className="pager" aria-label="分页" data-export="omit">
              {page > 1 ? (
                <Link href={`${hrefWith(query, filters, {})}&page=${page - 1}`}>上一页</Link>
              ) : null}
              <span>
                第 {page} / {pages} 页
              </span>
              {page < pages ? (
                <Link href={`${hrefWith(query, filters, {})}&page=${page + 1}`}>下一页</Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  )
}
