import type { ResourceKind } from '@/lib/kinds'

/** One public resource as the search engine sees it. */
export type SearchDoc = {
  kind: ResourceKind
  slug: string
  title: string
  summary: string
  keyPoints: string
  body: string
  /** Tags, topic and org names: findable, weighted like a summary. */
  extra: string
  orgName: string
  publishedAt: string | null
  facets: {
    /** Topic slugs, each with its ancestors, so a top-level topic finds its children's work. */
    topics: string[]
    /** Org slugs with ancestors, so a township finds its villages' work. */
    orgs: string[]
    format?: string
    audience: string[]
    dialect?: string
    /** Length in minutes (talk length, video duration or reading time). */
    minutes?: number
  }
}

/** One page of a kind's published documents, and where the next page starts (null: none). */
export type SearchDocsPage = { docs: SearchDoc[]; next: string | null }

/** A document's identity in an index, live and static: `scripts/some-slug`. */
export const searchDocKey = (doc: Pick<SearchDoc, 'kind' | 'slug'>) => `${doc.kind}/${doc.slug}`

export const DURATION_BUCKETS = [
  { value: 'short', label: '10 分钟以内', test: (minutes: number) => minutes <= 10 },
  {
    value: 'medium',
    label: '10–20 分钟',
    test: (minutes: number) => minutes > 10 && minutes <= 20,
  },
  { value: 'long', label: '20 分钟以上', test: (minutes: number) => minutes > 20 },
] as const

export type DurationBucket = (typeof DURATION_BUCKETS)[number]['value']

export type SearchFilters = {
  kind?: ResourceKind
  topic?: string
  org?: string
  format?: string
  audience?: string
  dialect?: string
  duration?: DurationBucket
}

export type FacetName = keyof SearchFilters

export type SnippetPart = { text: string; match: boolean }

/** What a result shows of a document, live and in the static index. */
export type SearchDisplay = Pick<
  SearchDoc,
  'kind' | 'slug' | 'title' | 'summary' | 'orgName' | 'publishedAt'
>

export function displayOf(doc: SearchDoc): SearchDisplay {
  const { kind, slug, title, summary, orgName, publishedAt } = doc
  return { kind, slug, title, summary, orgName, publishedAt }
}

export type SearchHit = {
  kind: ResourceKind
  slug: string
  title: string
  summary: string
  orgName: string
  publishedAt: string | null
  score: number
  snippet: SnippetPart[]
}

export type FacetCount = { value: string; count: number }

export type SearchResult = {
  query: string
  total: number
  hits: SearchHit[]
  facets: Record<FacetName, FacetCount[]>
  /** true when not every word matched and the results match some of them. */
  partial: boolean
}
