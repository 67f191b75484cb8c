import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { fold } from '../normalize'
import { pinyinTerms } from '../pinyin'
import { indexTerms } from '../tokenize'
import type { SearchDoc } from '../types'
import {
  encodePostings,
  FIELD_BITS,
  type Shard,
  shardOf,
  STATIC_INDEX_VERSION,
  type StaticDoc,
  type StaticManifest,
} from './format'

export type StaticIndexOptions = {
  /** How many term shards; more shards, smaller downloads per query. @default 1024 */
  shardCount?: number
  /** Documents per display chunk. @default 16 */
  chunkSize?: number
}

export type StaticIndexStats = { files: number; bytes: number; terms: number }

/** Writes the static search index for `docs` into `dir` (which it creates). */
export async function writeStaticIndex(
  docs: SearchDoc[],
  dir: string,
  { shardCount = 1024, chunkSize = 16 }: StaticIndexOptions = {},
): Promise<StaticIndexStats> {
  // Oldest first: a newly published document takes the next id, so publishing one rewrites only
  // the shards of its terms and the last display chunk (static publishing writes changed files).
  const ordered = [...docs].sort(
    (a, b) =>
      Date.parse(a.publishedAt ?? '0') - Date.parse(b.publishedAt ?? '0') ||
      `${a.kind}/${a.slug}`.localeCompare(`${b.kind}/${b.slug}`),
  )
  const postings = new Map<string, [number, number][]>()
  ordered.forEach((doc, id) => {
    const masks = new Map<string, number>()
    for (const [field, bit] of Object.entries(FIELD_BITS)) {
      const text = fold(doc[field as keyof typeof FIELD_BITS])
      for (const term of indexTerms(text)) masks.set(term, (masks.get(term) ?? 0) | bit)
      // Pinyin of titles and names (`~caili`), with the bit of the field it comes from.
      if (field === 'title' || field === 'extra') {
        for (const term of pinyinTerms(text)) masks.set(term, (masks.get(term) ?? 0) | bit)
      }
    }
    for (const [term, mask] of masks) {
      const list = postings.get(term)
      if (list) list.push([id, mask])
      else postings.set(term, [[id, mask]])
    }
  })

  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}))
  for (const [term, list] of postings)
    shards[shardOf(term, shardCount)][term] = encodePostings(list)

  await mkdir(path.join(dir, 'shards'), { recursive: true })
  await mkdir(path.join(dir, 'docs'), { recursive: true })
  let bytes = 0
  let files = 0
  const write = async (file: string, value: unknown) => {
    const text = JSON.stringify(value)
    bytes += Buffer.byteLength(text)
    files++
    await writeFile(path.join(dir, file), text)
  }
  for (const [n, shard] of shards.entries()) await write(`shards/${n}.json`, shard)
  for (let start = 0, n = 0; start < ordered.length; start += chunkSize, n++) {
    const chunk: StaticDoc[] = ordered.slice(start, start + chunkSize).map((doc) => ({
      kind: doc.kind,
      slug: doc.slug,
      title: doc.title,
      summary: doc.summary,
      orgName: doc.orgName,
      publishedAt: doc.publishedAt,
      facets: doc.facets,
    }))
    await write(`docs/${n}.json`, chunk)
  }
  const manifest: StaticManifest = {
    version: STATIC_INDEX_VERSION,
    docCount: ordered.length,
    shardCount,
    chunkSize,
    newestPublishedAt: ordered.at(-1)?.publishedAt ?? null,
  }
  await write('manifest.json', manifest)
  return { files, bytes, terms: postings.size }
}
