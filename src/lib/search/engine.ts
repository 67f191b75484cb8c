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
  searchDocKey,
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

/** A document's terms → the fields (bits) that hold each. */
type TermsOf = (fields: Folded) => Map<string, number>

const textTerms: TermsOf = (fields) => {
  const masks = new Map<string, number>()
  FIELDS.forEach((field, bit) => {
    for (const term of indexTerms(fields[field]))
      masks.set(term, (masks.get(term) ?? 0) | (1 << bit))
  })
  return masks
}

const pinyinTermsOf: TermsOf = (fields) => {
  const masks = new Map<string, number>()
  for (const field of PINYIN_FIELDS) {
    const bit = 1 << FIELDS.indexOf(field)
    for (const term of pinyinTerms(fields[field])) masks.set(term, (masks.get(term) ?? 0) | bit)
  }
  return masks
}

type Building = Map<string, { ids: number[]; masks: number[] }>

/** Adds documents' postings in slot order (so every list stays ascending). */
function addPostings(
  building: Building,
  entries: [slot: number, fields: Folded][],
  termsOf: TermsOf,
) {
  for (const [slot, fields] of entries) {
    for (const [term, mask] of termsOf(fields)) {
      const list = building.get(term)
      if (list) {
        list.ids.push(slot)
        list.masks.push(mask)
      } else building.set(term, { ids: [slot], masks: [mask] })
    }
  }
}

const packed = (list: { ids: number[]; masks: number[] }): Postings => ({
  ids: Uint32Array.from(list.ids),
  masks: Uint8Array.from(list.masks),
})

/**
 * Postings for every document's terms, as typed arrays (ids ascending, field bits per posting):
 * compact at 10,000 documents, where maps of maps would take hundreds of megabytes.
 */
function buildPostings(folded: Folded[], termsOf: TermsOf): Map<string, Postings> {
  const building: Building = new Map()
  addPostings(
    building,
    folded.map((fields, slot) => [slot, fields]),
    termsOf,
  )
  return new Map([...building].map(([term, list]) => [term, packed(list)]))
}

/**
 * `postings` with the documents in `removed` taken out and `added` (in slots after every existing
 * one) put in. Only the lists of terms the removed or added documents hold are copied.
 */
function changedPostings(
  postings: Map<string, Postings>,
  removed: { slots: Set<number>; fields: Folded[] },
  added: [slot: number, fields: Folded][],
  termsOf: TermsOf,
): Map<string, Postings> {
  const next = new Map(postings)
  const touched = new Set<string>()
  for (const fields of removed.fields) for (const term of termsOf(fields).keys()) touched.add(term)
  const adding: Building = new Map()
  addPostings(adding, added, termsOf)
  for (const term of adding.keys()) touched.add(term)
  for (const term of touched) {
    const list = postings.get(term)
    const ids: number[] = []
    const masks: number[] = []
    for (let n = 0; list && n < list.ids.length; n++) {
      if (removed.slots.has(list.ids[n])) continue
      ids.push(list.ids[n])
      masks.push(list.masks[n])
    }
    const more = adding.get(term)
    if (more) {
      ids.push(...more.ids)
      masks.push(...more.masks)
    }
    if (ids.length > 0) next.set(term, packed({ ids, masks }))
    else next.delete(term)
  }
  return next
}

const recencyOf = (doc: SearchDoc) => (doc.publishedAt ? Date.parse(doc.publishedAt) : 0)

const EMPTY: Folded = { title: '', keyPoints: '', summary: '', extra: '', body: '' }

function foldDoc(doc: SearchDoc): Folded {
  const entry = {} as Folded
  for (const field of FIELDS) entry[field] = fold(doc[field])
  return entry
}

/**
 * An in-memory full-text index for Chinese: CJK bigrams and unigrams, Latin prefixes, folded
 * width/case/script, verified by substring so every hit really contains what was typed.
 *
 * Documents sit in slots; `withChanges` makes a new index that shares everything a change does not
 * touch, leaving the slots of removed documents empty, so a publish costs the changed documents'
 * terms rather than a rebuild of every document.
 */
export class SearchIndex {
  private slots: (SearchDoc | null)[]
  private folded: Folded[]
  private postings: Map<string, Postings>
  /** Pinyin terms (`~caili`) → documents, with the fields (bits) whose pinyin holds them. */
  private pinyin: Map<string, Postings>
  private recency: number[]
  private slotOf: Map<string, number>

  constructor(docs: SearchDoc[]) {
    this.slots = docs
    this.folded = docs.map(foldDoc)
    this.postings = buildPostings(this.folded, textTerms)
    this.pinyin = buildPostings(this.folded, pinyinTermsOf)
    this.recency = docs.map(recencyOf)
    this.slotOf = new Map(docs.map((doc, slot) => [searchDocKey(doc), slot]))
  }

  /** The documents in the index. */
  get docs(): SearchDoc[] {
    return this.slots.filter((doc): doc is SearchDoc => doc !== null)
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.slotOf.size
  }

  /** Slots left empty by removals (a fresh build has none). */
  get emptySlots(): number {
    return this.slots.length - this.slotOf.size
  }

  /**
   * A new index without the documents of `remove` (keys, see `searchDocKey`) and with `upsert`
   * added or replacing those of the same key. This index is left as it was: searches running on
   * it are not disturbed.
   */
  withChanges({
    remove = [],
    upsert = [],
  }: {
    remove?: string[]
    upsert?: SearchDoc[]
  }): SearchIndex {
    const removedSlots = new Set<number>()
    for (const key of [...remove, ...upsert.map(searchDocKey)]) {
      const slot = this.slotOf.get(key)
      if (slot !== undefined) removedSlots.add(slot)
    }
    const removed = {
      slots: removedSlots,
      fields: [...removedSlots].map((slot) => this.folded[slot]),
    }
    const unique = [...new Map(upsert.map((doc) => [searchDocKey(doc), doc])).values()]
    const added = unique.map((doc, n): [number, Folded] => [this.slots.length + n, foldDoc(doc)])
    const next = new SearchIndex([])
    next.slots = [...this.slots, ...unique]
    next.folded = [...this.folded, ...added.map(([, fields]) => fields)]
    next.recency = [...this.recency, ...unique.map(recencyOf)]
    next.slotOf = new Map(this.slotOf)
    for (const slot of removedSlots) {
      next.slotOf.delete(searchDocKey(this.slots[slot] as SearchDoc))
      next.slots[slot] = null
      next.folded[slot] = EMPTY
    }
    unique.forEach((doc, n) => next.slotOf.set(searchDocKey(doc), this.slots.length + n))
    next.postings = changedPostings(this.postings, removed, added, textTerms)
    next.pinyin = changedPostings(this.pinyin, removed, added, pinyinTermsOf)
    return next
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

  /** Equal score and date: by kind and slug, so the order does not depend on slots. */
  private tieBreak(a: number, b: number): number {
    const keyA = searchDocKey(this.slots[a] as SearchDoc)
    const keyB = searchDocKey(this.slots[b] as SearchDoc)
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
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
      this.slots.forEach((doc, slot) => doc && matches.set(slot, 0))
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
        const doc = this.slots[index] as SearchDoc
        if (!this.passes(doc, filters, facet)) continue
        for (const value of facetValues(doc, facet)) counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      facets[facet] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    }

    const ranked = [...matches]
      .filter(([index]) => this.passes(this.slots[index] as SearchDoc, filters))
      .sort(
        ([a, scoreA], [b, scoreB]) =>
          scoreB - scoreA || this.recency[b] - this.recency[a] || this.tieBreak(a, b),
      )

    const hits: SearchHit[] = ranked.slice(offset, offset + limit).map(([index, score]) => {
      const doc = this.slots[index] as SearchDoc
      return {
        ...displayOf(doc),
        score: Math.round(score * 100) / 100,
        snippet: snippetFor(doc, parts),
      }
    })
    return { query, total: ranked.length, hits, facets, partial }
  }
}
