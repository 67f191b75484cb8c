import { fold } from '../normalize'
import { pinyinQueryTerm, queryParts, queryTerms } from '../tokenize'
import { DURATION_BUCKETS, type SearchFilters } from '../types'
import {
  decodePostings,
  FIELD_BITS,
  FIELD_WEIGHTS,
  PINYIN_FACTOR,
  chunkOf,
  type Shard,
  shardOf,
  type StaticChunk,
  type StaticDoc,
  type StaticManifest,
} from './format'

export type StaticHit = StaticDoc & { score: number }
export type StaticResult = { total: number; hits: StaticHit[]; partial: boolean; bytes: number }

type Fetcher = (url: string) => Promise<{ ok: boolean; text(): Promise<string> }>

function score(mask: number): number {
  return FIELD_WEIGHTS.reduce((sum, [bit, weight]) => (mask & bit ? sum + weight : sum), 0)
}

function matchesFilters(doc: StaticDoc, filters: SearchFilters): boolean {
  const { facets } = doc
  if (filters.kind && doc.kind !== filters.kind) return false
  if (filters.topic && !facets.topics.includes(filters.topic)) return false
  if (filters.org && !facets.orgs.includes(filters.org)) return false
  if (filters.format && facets.format !== filters.format) return false
  if (filters.audience && !facets.audience.includes(filters.audience)) return false
  if (filters.dialect && facets.dialect !== filters.dialect) return false
  if (filters.duration) {
    const bucket = DURATION_BUCKETS.find((entry) => entry.value === filters.duration)
    if (!bucket || facets.minutes === undefined || !bucket.test(facets.minutes)) return false
  }
  return true
}

/**
 * Search against the static index, in the browser or in Node: downloads the manifest, then
 * only the shards holding the query's terms and the display chunks of the hits it shows.
 */
export class StaticSearchClient {
  private manifest?: Promise<StaticManifest>
  private readonly shards = new Map<number, Promise<Shard>>()
  private readonly chunks = new Map<number, Promise<Map<number, StaticDoc>>>()
  /** Bytes downloaded so far (for the benchmark). */
  bytes = 0

  constructor(
    private readonly baseUrl: string,
    private readonly fetcher: Fetcher = (url) => fetch(url),
  ) {}

  private async json<T>(file: string): Promise<T> {
    const response = await this.fetcher(`${this.baseUrl.replace(/\/$/, '')}/${file}`)
    if (!response.ok) throw new Error(`搜索索引文件缺失：${file}`)
    const text = await response.text()
    this.bytes += text.length
    return JSON.parse(text) as T
  }

  private getManifest(): Promise<StaticManifest> {
    this.manifest ??= this.json<StaticManifest>('manifest.json')
    return this.manifest
  }

  private async postings(term: string): Promise<number[] | undefined> {
    const { shardCount } = await this.getManifest()
    const n = shardOf(term, shardCount)
    if (!this.shards.has(n)) this.shards.set(n, this.json<Shard>(`shards/${n}.json`))
    return (await this.shards.get(n)!)[term]
  }

  private async doc(id: number): Promise<StaticDoc | undefined> {
    const { chunkSpan } = await this.getManifest()
    const n = chunkOf(id, chunkSpan)
    if (!this.chunks.has(n)) {
      this.chunks.set(
        n,
        this.json<StaticChunk>(`docs/${n}.json`).then((chunk) => new Map(chunk)),
      )
    }
    return (await this.chunks.get(n)!).get(id)
  }

  /** Docs matching a part, with their score: as text, and for Latin letters also as pinyin. */
  private async matchPart(part: string): Promise<Map<number, number>> {
    const scores = new Map<number, number>()
    for (const [id, mask] of await this.matchText(part)) scores.set(id, score(mask))
    const pinyinTerm = pinyinQueryTerm(part)
    const list = pinyinTerm ? await this.postings(pinyinTerm) : undefined
    for (const [id, mask] of list ? decodePostings(list) : []) {
      scores.set(id, (scores.get(id) ?? 0) + score(mask) * PINYIN_FACTOR)
    }
    return scores
  }

  /** Docs holding every term of a part, with the fields (mask) holding all of them. */
  private async matchText(part: string): Promise<Map<number, number>> {
    let result: Map<number, number> | undefined
    for (const term of queryTerms(part)) {
      const list = await this.postings(term)
      if (!list) return new Map()
      const next = new Map<number, number>()
      for (const [id, mask] of decodePostings(list)) {
        if (!result) next.set(id, mask)
        else if (result.has(id)) {
          // Terms spread over different fields still match; rank them as body text.
          next.set(id, result.get(id)! & mask || FIELD_BITS.body)
        }
      }
      result = next
      if (result.size === 0) break
    }
    return result ?? new Map()
  }

  async search(query: string, filters: SearchFilters = {}, limit = 20): Promise<StaticResult> {
    const startBytes = this.bytes
    const parts = queryParts(fold(query))
    const perPart = await Promise.all(parts.map((part) => this.matchPart(part)))
    let scores = new Map<number, number>()
    let partial = false
    if (perPart.length > 0) {
      const [first, ...rest] = perPart
      for (const [id, value] of first) {
        if (rest.every((other) => other.has(id))) {
          scores.set(id, value + rest.reduce((sum, other) => sum + other.get(id)!, 0))
        }
      }
      if (scores.size === 0 && perPart.length > 1) {
        partial = true
        scores = new Map()
        for (const part of perPart)
          for (const [id, value] of part) scores.set(id, (scores.get(id) ?? 0) + value)
      }
    }
    // Ids grow with publication time, so the higher id wins a tie: the newer one.
    const ranked = [...scores].sort(([a, x], [b, y]) => y - x || b - a)
    const filtered = Object.keys(filters).length > 0
    const hits: StaticHit[] = []
    let total = filtered ? 0 : ranked.length
    for (const [id, value] of ranked) {
      if (!filtered && hits.length >= limit) break
      const doc = await this.doc(id)
      if (!doc) continue
      if (filtered && !matchesFilters(doc, filters)) continue
      if (filtered) total++
      if (hits.length < limit) hits.push({ ...doc, score: value })
    }
    return { total, hits, partial, bytes: this.bytes - startBytes }
  }
}
