import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { sha256Once } from '../../hashOnce'
import { fold } from '../normalize'
import { pinyinTerms } from '../pinyin'
import { indexTerms } from '../tokenize'
import { displayOf, type SearchDoc, searchDocKey } from '../types'
import {
  chunkOf,
  decodePostings,
  FIELD_BITS,
  idFloor,
  MASK_BITS,
  shardOf,
  STATIC_INDEX_VERSION,
  type StaticChunk,
  type StaticDoc,
  type StaticManifest,
} from './format'

export type StaticIndexOptions = {
  /** How many term shards; more shards, smaller downloads per query. @default 1024 */
  shardCount?: number
  /** Document ids per display chunk. @default 256 */
  chunkSpan?: number
  /** Postings gathered at once when shards are encoded again (5 bytes each). @default 2,000,000 */
  groupPostings?: number
}

export type StaticIndexStats = { files: number; bytes: number; terms: number }

/** The index's files by path inside its folder (`manifest.json`, `shards/3.json`, `docs/12.json`). */
export type StaticIndexFiles = Map<string, Uint8Array>

/** One indexed document: its place, what a result shows, and its terms with their field masks. */
type Entry = {
  key: string
  publishedMs: number
  id: number
  doc: StaticDoc
  /** Term ids: 2 bytes each while the index has under 65,536 terms (a county has about 27,000). */
  terms: Uint16Array | Int32Array
  masks: Uint8Array
}

/** Term ids in the smallest array that holds them. */
function termIdArray(ids: Iterable<number>): Uint16Array | Int32Array {
  const list = Array.from(ids)
  return list.every((id) => id < 65_536) ? Uint16Array.from(list) : Int32Array.from(list)
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The static search index of a set of published documents, kept in memory and updated change by
 * change: `update` re-tokenizes only the documents it is given and re-encodes only the shards and
 * display chunks they touch; every other file keeps its bytes. Building from scratch is the same
 * update from an empty index, so both give the same files.
 */
export class StaticIndexBuilder {
  readonly shardCount: number
  readonly chunkSpan: number
  private readonly groupPostings: number
  private readonly entries = new Map<string, Entry>()
  /** Entries in id order (publication order). */
  private ordered: Entry[] = []
  private readonly termIds = new Map<string, number>()
  private readonly termNames: string[] = []
  private readonly termShard: number[] = []
  private readonly shardFiles: Uint8Array[] = []
  private readonly chunkFiles = new Map<number, Uint8Array>()
  private manifestFile: Uint8Array | null = null
  /** Documents `add` tokenized for the first update. */
  private staged = new Set<Entry>()

  constructor({
    shardCount = 1024,
    chunkSpan = 256,
    groupPostings = 2_000_000,
  }: StaticIndexOptions = {}) {
    this.shardCount = shardCount
    this.chunkSpan = chunkSpan
    this.groupPostings = groupPostings
  }

  get size(): number {
    return this.entries.size
  }

  has(key: string): boolean {
    return this.entries.has(key)
  }

  /**
   * Tokenizes documents for the first `update` of a new index, which then writes them: a full build
   * can read its documents page by page and let each page go.
   */
  add(docs: readonly SearchDoc[]): void {
    if (this.manifestFile !== null) throw new Error('add() builds a new index: use update()')
    for (const doc of docs) {
      const entry = this.entryOf(doc)
      this.entries.set(entry.key, entry)
      this.staged.add(entry)
    }
  }

  /**
   * Adds or replaces `upserts` (by kind and slug) and drops the documents of `removals`, then
   * returns every file of the index as it now is.
   */
  update(upserts: readonly SearchDoc[], removals: readonly string[] = []): StaticIndexFiles {
    const first = this.manifestFile === null
    const dirtyShards = new Uint8Array(this.shardCount).fill(first ? 1 : 0)
    const dirtyChunks = new Set<number>()
    const touch = (entry: Entry) => {
      for (const term of entry.terms) dirtyShards[this.termShard[term]] = 1
      dirtyChunks.add(chunkOf(entry.id, this.chunkSpan))
    }
    const replaced = new Map<string, Entry>()
    for (const key of [...removals, ...upserts.map(searchDocKey)]) {
      const old = this.entries.get(key)
      if (!old) continue
      replaced.set(key, old)
      this.entries.delete(key)
    }
    const added = this.staged
    this.staged = new Set()
    for (const doc of upserts) {
      const entry = this.entryOf(doc)
      this.entries.set(entry.key, entry)
      added.add(entry)
    }

    // Ids in publication order: the hour's first free id, or the one after the previous document.
    this.ordered = [...this.entries.values()].sort(
      (a, b) => a.publishedMs - b.publishedMs || byText(a.key, b.key),
    )
    let previous = -1
    for (const entry of this.ordered) {
      const id = Math.max(idFloor(entry.doc.publishedAt), previous + 1)
      previous = id
      if (entry.id === id && !added.has(entry)) continue
      // A moved document leaves its old postings and chunk, and takes new ones.
      if (!added.has(entry)) touch(entry)
      entry.id = id
      const old = replaced.get(entry.key)
      if (old?.id === id) {
        // Edited in place: only the shards of terms it gained, lost or holds in other fields.
        this.touchDifference(old, entry, dirtyShards)
        replaced.delete(entry.key)
        dirtyChunks.add(chunkOf(id, this.chunkSpan))
      } else touch(entry)
    }
    // Removed, or re-added under another id: all of the old postings go.
    for (const old of replaced.values()) touch(old)

    this.encodeShards(dirtyShards)
    this.encodeChunks(dirtyChunks)
    const manifest: StaticManifest = {
      version: STATIC_INDEX_VERSION,
      docCount: this.ordered.length,
      shardCount: this.shardCount,
      chunkSpan: this.chunkSpan,
      newestPublishedAt: this.ordered.at(-1)?.doc.publishedAt ?? null,
      digest: this.digest(),
    }
    this.manifestFile = Buffer.from(JSON.stringify(manifest))
    return this.files()
  }

  /**
   * The builder of an index that was written before (its files by path, as `files()` gives them),
   * without tokenizing anything: each document's terms are read back from the shards. Null when
   * the files are of another format or not one consistent set (their digest does not match).
   */
  static fromFiles(files: StaticIndexFiles): StaticIndexBuilder | null {
    const manifestFile = files.get('manifest.json')
    if (!manifestFile) return null
    const manifest = JSON.parse(Buffer.from(manifestFile).toString('utf8')) as StaticManifest
    if (manifest.version !== STATIC_INDEX_VERSION) return null
    const builder = new StaticIndexBuilder({
      shardCount: manifest.shardCount,
      chunkSpan: manifest.chunkSpan,
    })
    const terms = new Map<number, { terms: number[]; masks: number[] }>()
    const byId = new Map<number, Entry>()
    for (const [name, bytes] of files) {
      const chunk = /^docs\/(\d+)\.json$/.exec(name)
      if (!chunk) continue
      builder.chunkFiles.set(Number(chunk[1]), bytes)
      for (const [id, doc] of JSON.parse(Buffer.from(bytes).toString('utf8')) as StaticChunk) {
        const entry: Entry = {
          key: searchDocKey(doc),
          publishedMs: Date.parse(doc.publishedAt ?? '') || 0,
          id,
          doc,
          terms: new Uint16Array(0),
          masks: new Uint8Array(0),
        }
        byId.set(id, entry)
        builder.entries.set(entry.key, entry)
        terms.set(id, { terms: [], masks: [] })
      }
    }
    for (let n = 0; n < builder.shardCount; n++) {
      const bytes = files.get(`shards/${n}.json`)
      if (!bytes) return null
      builder.shardFiles[n] = bytes
      const shard = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, number[]>
      for (const [term, values] of Object.entries(shard)) {
        const termId = builder.termId(term)
        if (builder.termShard[termId] !== n) return null
        for (const [id, mask] of decodePostings(values)) {
          const entry = terms.get(id)
          if (!entry) return null
          entry.terms.push(termId)
          entry.masks.push(mask)
        }
      }
    }
    for (const [id, entry] of byId) {
      const found = terms.get(id)!
      entry.terms = termIdArray(found.terms)
      entry.masks = Uint8Array.from(found.masks)
    }
    builder.ordered = [...byId.values()].sort((a, b) => a.id - b.id)
    if (builder.digest() !== manifest.digest || builder.ordered.length !== manifest.docCount) {
      return null
    }
    builder.manifestFile = manifestFile
    return builder
  }

  /** Every file of the index as last updated. */
  files(): StaticIndexFiles {
    const files: StaticIndexFiles = new Map()
    if (this.manifestFile) files.set('manifest.json', this.manifestFile)
    this.shardFiles.forEach((bytes, n) => files.set(`shards/${n}.json`, bytes))
    for (const n of [...this.chunkFiles.keys()].sort((a, b) => a - b)) {
      files.set(`docs/${n}.json`, this.chunkFiles.get(n) as Uint8Array)
    }
    return files
  }

  /** Distinct terms in the index. */
  termCount(): number {
    const seen = new Set<number>()
    for (const entry of this.entries.values()) for (const term of entry.terms) seen.add(term)
    return seen.size
  }

  private entryOf(doc: SearchDoc): Entry {
    const masks = new Map<number, number>()
    const add = (term: string, bit: number) => {
      const id = this.termId(term)
      masks.set(id, (masks.get(id) ?? 0) | bit)
    }
    for (const [field, bit] of Object.entries(FIELD_BITS)) {
      const text = fold(doc[field as keyof typeof FIELD_BITS])
      for (const term of indexTerms(text)) add(term, bit)
      // Pinyin of titles and names (`~caili`), with the bit of the field it comes from.
      if (field === 'title' || field === 'extra') {
        for (const term of pinyinTerms(text)) add(term, bit)
      }
    }
    return {
      key: searchDocKey(doc),
      publishedMs: Date.parse(doc.publishedAt ?? '') || 0,
      id: -1,
      doc: { ...displayOf(doc), facets: doc.facets },
      terms: termIdArray(masks.keys()),
      masks: Uint8Array.from(masks.values()),
    }
  }

  private termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.termNames.length
      this.termIds.set(term, id)
      this.termNames.push(term)
      this.termShard.push(shardOf(term, this.shardCount))
    }
    return id
  }

  /** Marks the shards of the terms whose postings differ between two versions of a document. */
  private touchDifference(old: Entry, now: Entry, dirty: Uint8Array) {
    const before = new Map<number, number>()
    old.terms.forEach((term, n) => before.set(term, old.masks[n]))
    now.terms.forEach((term, n) => {
      if (before.get(term) !== now.masks[n]) dirty[this.termShard[term]] = 1
      before.delete(term)
    })
    for (const term of before.keys()) dirty[this.termShard[term]] = 1
  }

  /**
   * Re-encodes the dirty shards from the documents' terms. A group of shards at a time, holding at
   * most `groupPostings` postings, has its postings gathered into two flat typed arrays (offsets
   * from the counts, then a fill in id order, so each term's postings come out sorted), and each
   * of its shards' JSON is made from its own slice. At 10,000 documents (ten million postings) a
   * full build takes five groups of 10 MB, where a growing array of numbers per term took 150 MB;
   * an edit's few shards are one group.
   */
  private encodeShards(dirty: Uint8Array) {
    const termCount = this.termNames.length
    const counts = new Int32Array(termCount)
    for (const { terms } of this.ordered) {
      for (let i = 0; i < terms.length; i++) {
        if (dirty[this.termShard[terms[i]]]) counts[terms[i]] += 1
      }
    }
    const perShard = new Float64Array(this.shardCount)
    const names = new Map<number, string[]>()
    for (let t = 0; t < termCount; t++) {
      if (counts[t] === 0) continue
      const shard = this.termShard[t]
      perShard[shard] += counts[t]
      const list = names.get(shard)
      if (list) list.push(this.termNames[t])
      else names.set(shard, [this.termNames[t]])
    }
    let group: number[] = []
    let size = 0
    for (let n = 0; n < this.shardCount; n++) {
      if (!dirty[n]) continue
      if (group.length > 0 && size + perShard[n] > this.groupPostings) {
        this.encodeGroup(group, counts, names)
        group = []
        size = 0
      }
      group.push(n)
      size += perShard[n]
    }
    if (group.length > 0) this.encodeGroup(group, counts, names)
  }

  private encodeGroup(shards: number[], counts: Int32Array, names: Map<number, string[]>) {
    const termCount = this.termNames.length
    const inGroup = new Uint8Array(this.shardCount)
    for (const n of shards) inGroup[n] = 1
    // starts[t] … starts[t + 1]: where term t's postings go.
    const starts = new Int32Array(termCount + 1)
    for (let t = 0; t < termCount; t++) {
      starts[t + 1] = starts[t] + (inGroup[this.termShard[t]] ? counts[t] : 0)
    }
    const ids = new Int32Array(starts[termCount])
    const masks = new Uint8Array(starts[termCount])
    const next = starts.slice(0, termCount)
    for (const entry of this.ordered) {
      const { terms } = entry
      for (let i = 0; i < terms.length; i++) {
        if (!inGroup[this.termShard[terms[i]]]) continue
        const at = next[terms[i]]++
        ids[at] = entry.id
        masks[at] = entry.masks[i]
      }
    }
    for (const n of shards) {
      const shard: Record<string, number[]> = {}
      for (const name of (names.get(n) ?? []).sort(byText)) {
        const term = this.termIds.get(name) as number
        // Delta coding: (id − previous id) × 32 + field mask.
        const values: number[] = []
        let last = 0
        for (let at = starts[term]; at < starts[term + 1]; at++) {
          values.push((ids[at] - last) * 2 ** MASK_BITS + masks[at])
          last = ids[at]
        }
        shard[name] = values
      }
      this.shardFiles[n] = Buffer.from(JSON.stringify(shard))
    }
  }

  /** Rewrites the dirty display chunks; a chunk left without documents disappears. */
  private encodeChunks(dirty: Set<number>) {
    if (this.chunkFiles.size === 0) {
      for (const entry of this.ordered) dirty.add(chunkOf(entry.id, this.chunkSpan))
    }
    const byChunk = new Map<number, StaticChunk>()
    for (const entry of this.ordered) {
      const n = chunkOf(entry.id, this.chunkSpan)
      if (!dirty.has(n)) continue
      const chunk = byChunk.get(n)
      if (chunk) chunk.push([entry.id, entry.doc])
      else byChunk.set(n, [[entry.id, entry.doc]])
    }
    for (const n of dirty) {
      const chunk = byChunk.get(n)
      if (chunk) this.chunkFiles.set(n, Buffer.from(JSON.stringify(chunk)))
      else this.chunkFiles.delete(n)
    }
  }

  /**
   * A digest of every shard and chunk: two indexes with the same digest have the same files. Made
   * of each file's own hash, so an update hashes only the files it encoded again.
   */
  private digest(): string {
    const hash = createHash('sha256')
    this.shardFiles.forEach((bytes, n) => hash.update(`s${n}:${sha256Once(bytes)}\n`))
    for (const n of [...this.chunkFiles.keys()].sort((a, b) => a - b)) {
      hash.update(`d${n}:${sha256Once(this.chunkFiles.get(n) as Uint8Array)}\n`)
    }
    return hash.digest('hex').slice(0, 20)
  }
}

/** Writes the static search index for `docs` into `dir` (which it creates). */
export async function writeStaticIndex(
  docs: SearchDoc[],
  dir: string,
  options: StaticIndexOptions = {},
): Promise<StaticIndexStats> {
  const builder = new StaticIndexBuilder(options)
  const files = builder.update(docs)
  await mkdir(path.join(dir, 'shards'), { recursive: true })
  await mkdir(path.join(dir, 'docs'), { recursive: true })
  let bytes = 0
  for (const [file, body] of files) {
    bytes += body.byteLength
    await writeFile(path.join(dir, file), body)
  }
  return { files: files.size, bytes, terms: builder.termCount() }
}
