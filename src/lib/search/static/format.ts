import type { SearchDoc } from '../types'

/**
 * The static search index: plain JSON files any static host can serve.
 * - manifest.json: sizes and layout;
 * - shards/<n>.json: term → postings, each `(docId − previous docId) × 32 + fieldMask` (delta
 *   coding keeps numbers short); terms spread over shards by hash so a query downloads only
 *   the shards of its own terms;
 * - docs/<n>.json: the display data and facets of `chunkSize` documents, oldest first (ids in publishing order).
 */
export const STATIC_INDEX_VERSION = 3

export type StaticManifest = {
  version: number
  docCount: number
  shardCount: number
  chunkSize: number
  /** The newest document's publication time: the same content always gives the same bytes. */
  newestPublishedAt: string | null
}

/** What a display chunk holds of each document. */
export type StaticDoc = Pick<
  SearchDoc,
  'kind' | 'slug' | 'title' | 'summary' | 'orgName' | 'publishedAt' | 'facets'
>

export type Shard = Record<string, number[]>

/** Field bits in posting masks, with their ranking weights. */
export const FIELD_BITS = { title: 1, keyPoints: 2, summary: 4, extra: 8, body: 16 } as const
export const FIELD_WEIGHTS: [bit: number, weight: number][] = [
  [FIELD_BITS.title, 10],
  [FIELD_BITS.keyPoints, 4],
  [FIELD_BITS.summary, 4],
  [FIELD_BITS.extra, 3],
  [FIELD_BITS.body, 1],
]

/** Pinyin matches (`~caili`) count a fifth of the field they come from, as in the live search. */
export const PINYIN_FACTOR = 0.2

/** FNV-1a hash of a term, for picking its shard; identical in the writer and the browser. */
export function shardOf(term: string, shardCount: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % shardCount
}

/** Bits a field mask takes in an encoded posting. */
export const MASK_BITS = 5

/** Encodes sorted [docId, mask] pairs as delta-coded numbers. */
export function encodePostings(pairs: [id: number, mask: number][]): number[] {
  let previous = 0
  return pairs.map(([id, mask]) => {
    const value = (id - previous) * 2 ** MASK_BITS + mask
    previous = id
    return value
  })
}

/** Decodes postings back to [docId, mask] pairs. */
export function decodePostings(values: number[]): [id: number, mask: number][] {
  let id = 0
  return values.map((value) => {
    id += Math.floor(value / 2 ** MASK_BITS)
    return [id, value % 2 ** MASK_BITS]
  })
}
