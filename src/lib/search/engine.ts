import { fold } from './normalize'
import { snippetFor } from './snippet'
import { pinyinTerms } from './pinyin'
import { PINYIN_FACTOR } from './static/format'
import { indexTerms, pinyinQueryTerm, queryParts, queryTerms } from './tokenize'
import {
  displayOf,
  DURATION_BUCKETS,
  type FacetCount,
  type FacetName,
  type SearchDoc,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
} from './types'

const FIELDS = ['title', 'keyPoints', 'summary', 'extra', 'body'] as const
type Field = (typeof FIELDS)[number]

/** Ranking weights: title > key points/summary > names and tags > body. */
const WEIGHTS: Record<Field, number> = { title: 10, keyPoints: 4, summary: 4, extra: 3, body: 1 }
/** Fields whose pinyin is indexed: what a reader remembers by sound. */
const PINYIN_FIELDS = ['title', 'extra'] as const

const FACETS: FacetName[] = ['kind', 'topic', 'org', 'format', 'audience', 'dialect', 'duration']

type Folded = Record<Field, string>

function countOccurrences(haystack: string, needle: string): number {
  let count = 0
  for (
    let at = haystack.indexOf(needle);
    at !== -1;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    count++
    if (count >= 20) break
  }
  return count
}

function facetValues(doc: SearchDoc, facet: FacetName): string[] {
  const { facets } = doc
  switch (facet) {
    case 'kind':
      return [doc.kind]
    case 'topic':
      return facets.topics
    case 'org':
      return facets.orgs
    case 'format':
      return facets.format ? [facets.format] : []
    case 'audience':
      return facets.audience
    case 'dialect':
      return facets.dialect ? [facets.dialect] : []
    case 'duration': {
      const minutes = facets.minutes
      if (minutes === undefined) return []
      return DURATION_BUCKETS.filter((bucket) => bucket.test(minutes)).map((bucket) => bucket.value)
    }
  }
}

type Postings = { ids: Uint32Array; masks: Uint8Array }

/** Docs in both lists, with the fields (bit masks) that hold both terms. */
function intersect(a: Postings, b: Postings): Postings {
  const ids: number[] = []
  const masks: number[] = []
  let i = 0
  let j = 0
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i] === b.ids[j]) {
      ids.push(a.ids[i])
      masks.push(a.masks[i] & b.masks[j])
      i++
      j++
    } else if (a.ids[i] < b.ids[j]) i++
    else j++
  }
  return { ids: Uint32Array.from(ids), masks: Uint8Array.from(masks) }
}

/**
 * Postings for every document's terms, as typed arrays (ids ascending, field bits per posting):
 * compact at 10,000 documents, where maps of maps would take hundreds of megabytes.
 */
function buildPostings(
  folded: Folded[],
  termsOf: (fields: Folded, add: (term: string, bit: number) => void) => void,
): Map<string, Postings> {
  const building = new Map<string, { ids: number[]; masks: number[] }>()
  folded.forEach((fields, index) => {
    const masks = new Map<string, number>()
    termsOf(fields, (term, bit) => masks.set(term, (masks.get(term) ?? 0) | bit))
    for (const [term, mask] of masks) {
      const list = building.get(term)
      if (list) {
        list.ids.push(index)
        list.masks.push(mask)
      } else building.set(term, { ids: [index], masks: [mask] })
    }
  })
  return new Map(
    [...building].map(([term, list]) => [
      term,
      { ids: Uint32Array.from(list.ids), masks: Uint8Array.from(list.masks) },
    ]),
  )
}

/**
 * An in-memory full-text index for Chinese: CJK bigrams and unigrams, Latin prefixes, folded
 * width/case/script, verified by substring so every hit really contains what was typed.
 */
export class SearchIndex {
  readonly docs: SearchDoc[]
  private readonly folded: Folded[]
  private readonly postings: Map<string, Postings>
  /** Pinyin terms (`~caili`) → documents, with the fields (bits) whose pinyin holds them. */
  private readonly pinyin: Map<string, Postings>
  private readonly recency: number[]

  constructor(docs: SearchDoc[]) {
    this.docs = docs
    this.folded = docs.map((doc) => {
      const entry = {} as Folded
      for (const field of FIELDS) entry[field] = fold(doc[field])
      return entry
    })
    this.postings = buildPostings(this.folded, (fields, add) =>
      FIELDS.forEach((field, bit) => {
        for (const term of indexTerms(fields[field])) add(term, 1 << bit)
      }),
    )
    this.pinyin = buildPostings(this.folded, (fields, add) => {
      for (const field of PINYIN_FIELDS) {
        for (const term of pinyinTerms(fields[field])) add(term, 1 << FIELDS.indexOf(field))
      }
    })
    this.recency = docs.map((doc) => (doc.publishedAt ? Date.parse(doc.publishedAt) : 0))
  }

  /** Number of distinct index terms (for benchmarks). */
  get termCount(): number {
    return this.postings.size
  }

  /**
   * Documents matching a query part: as text (every term, verified), and for Latin letters also
   * as the pinyin of a title or name, scored lower.
   */
  private matchPart(part: string): Map<number, number> {
    const scores = this.matchText(part)
    const pinyinTerm = pinyinQueryTerm(part)
    const list = pinyinTerm ? this.pinyin.get(pinyinTerm) : undefined
    for (let n = 0; list && n < list.ids.length; n++) {
      // The best field whose pinyin holds the term, at a fifth of its weight.
      const weight = Math.max(
        ...PINYIN_FIELDS.map((field) =>
          list.masks[n] & (1 << FIELDS.indexOf(field)) ? WEIGHTS[field] : 0,
        ),
      )
      const index = list.ids[n]
      scores.set(index, (scores.get(index) ?? 0) + weight * PINYIN_FACTOR)
    }
    return scores
  }

  /** Documents containing every term of a query part, verified to contain the part itself. */
  private matchText(part: string): Map<number, number> {
    const terms = queryTerms(part).sort(
      (a, b) => (this.postings.get(a)?.ids.length ?? 0) - (this.postings.get(b)?.ids.length ?? 0),
    )
    let candidates: Postings | undefined
    for (const term of terms) {
      const list = this.postings.get(term)
      if (!list) return new Map()
      candidates = candidates ? intersect(candidates, list) : list
      if (candidates.ids.length === 0) return new Map()
    }
    const scores = new Map<number, number>()
    if (!candidates) return scores
    // A part that is a single term (one or two CJK characters, or a Latin word) is matched
    // exactly by its postings; longer parts are verified in the fields that hold every term.
    const exact = terms.length === 1
    for (let n = 0; n < candidates.ids.length; n++) {
      const index = candidates.ids[n]
      const mask = candidates.masks[n]
      // No single field holds every term, so none can hold the part as typed.
      if (mask === 0) continue
      const fields = this.folded[index]
      let score = 0
      FIELDS.forEach((field, bit) => {
        if (!(mask & (1 << bit))) return
        const text = fields[field]
        if (exact) {
          score += WEIGHTS[field]
        } else {
          if (!text.includes(part)) return
          score += WEIGHTS[field] * (1 + Math.log(countOccurrences(text, part)))
        }
        if (field === 'title' && text.startsWith(part)) score += WEIGHTS.title / 2
      })
      if (score > 0) scores.set(index, score)
    }
    return scores
  }

  private passes(doc: SearchDoc, filters: SearchFilters, except?: FacetName): boolean {
    for (const facet of FACETS) {
      const wanted = filters[facet]
      if (!wanted || facet === except) continue
      if (!facetValues(doc, facet).includes(wanted)) return false
    }
    return true
  }

  search(
    query: string,
    filters: SearchFilters = {},
    { limit = 20, offset = 0 }: { limit?: number; offset?: number } = {},
  ): SearchResult {
    const parts = queryParts(fold(query))
    let matches = new Map<number, number>()
    let partial = false
    if (parts.length === 0) {
      this.docs.forEach((_, index) => matches.set(index, 0))
    } else {
      const perPart = parts.map((part) => this.matchPart(part))
      const [first, ...rest] = [...perPart].sort((a, b) => a.size - b.size)
      for (const [index, score] of first) {
        let total = score
        let all = true
        for (const other of rest) {
          const s = other.get(index)
          if (s === undefined) {
            all = false
            break
          }
          total += s
        }
        if (all) matches.set(index, total)
      }
      if (matches.size === 0 && parts.length > 1) {
        partial = true
        matches = new Map()
        for (const part of perPart) {
          for (const [index, score] of part) matches.set(index, (matches.get(index) ?? 0) + score)
        }
      }
    }

    const facets = {} as Record<FacetName, FacetCount[]>
    for (const facet of FACETS) {
      const counts = new Map<string, number>()
      for (const index of matches.keys()) {
        const doc = this.docs[index]
        if (!this.passes(doc, filters, facet)) continue
        for (const value of facetValues(doc, facet)) counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      facets[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    }

    const ranked = [...matches]
      .filter(([index]) => this.passes(this.docs[index], filters))
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || this.recency[b] - this.recency[a])

    const hits: SearchHit[] = ranked.slice(offset, offset + limit).map(([index, score]) => {
      const doc = this.docs[index]
      return {
        ...displayOf(doc),
        score: Math.round(score * 100) / 100,
        snippet: snippetFor(doc, parts),
      }
    })
    return { query, total: ranked.length, hits, facets, partial }
  }
}
