import type { SearchDoc } from '../types'

/**
 * The static search index: plain JSON files any static host can serve.
 * - manifest.json: sizes and layout;
 * - shards/<n>.json: term → postings, each `(docId − previous docId) × 32 + fieldMask` (delta
 *   coding keeps numbers short); terms spread over shards by hash so a query downloads only
 *   the shards of its own terms;
 * - docs/<n>.json: the display data and facets of the documents whose ids fall in
 *   `[n × chunkSpan, (n + 1) × chunkSpan)`, as `[id, doc]` pairs.
 *
 * A document's id comes from its publication time (docIds): newer documents have higher ids, and
 * an id does not depend on which older documents exist. Publishing, editing or withdrawing one
 * document changes only the shards of its own terms and its own display chunk, and the files are
 * a function of the published set alone: an index kept up to date change by change is byte for
 * byte the index built from scratch.
 */
export const STATIC_INDEX_VERSION = 4

export type StaticManifest = {
  version: number
  docCount: number
  shardCount: number
  chunkSpan: number
  /** The newest document's publication time. */
  newestPublishedAt: string | null
  /** Digest of every document's id and content: differs whenever any file of the index does. */
  digest: string
}

/**
 * Ids per hour of publication time. One: the ids of documents published an hour or more apart are
 * that many hours apart, and a burst (several in one hour, an import) takes consecutive ids, the
 * later ones spilling into the following hours. Ids close together keep the delta-coded postings
 * short (8 an hour made the first query's download 75% larger at 10k).
 */
export const IDS_PER_HOUR = 1
const ID_EPOCH_MS = Date.UTC(2020, 0, 1)
const HOUR_MS = 3_600_000

/** The lowest id a document published at `publishedAt` can have. */
export function idFloor(publishedAt: string | null | undefined): number {
  const ms = publishedAt ? Date.parse(publishedAt) : NaN
  if (!Number.isFinite(ms) || ms <= ID_EPOCH_MS) return 0
  return Math.floor((ms - ID_EPOCH_MS) / HOUR_MS) * IDS_PER_HOUR
}

/** The display chunk holding a document id. */
export function chunkOf(id: number, chunkSpan: number): number {
  return Math.floor(id / chunkSpan)
}

/** What a display chunk holds of each document. */
export type StaticDoc = Pick<
  SearchDoc,
  'kind' | 'slug' | 'title' | 'summary' | 'orgName' | 'publishedAt' | 'facets'
>

export type Shard = Record<string, number[]>

/** A display chunk: its documents with their ids, in id order. */
export type StaticChunk = [id: number, doc: StaticDoc][]

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
