/**
 * `npm run bench:search`: the Chinese search engine against Payload's `like` query, side by side.
 * - recall on the evaluation set over the demo county (live engine, static index, `like`);
 * - at 10,000 generated documents: index build time and size, p50/p95 query latency for the
 *   live engine, the static client and `like` on SQLite, and bytes a first static query downloads.
 * Pagefind is not compared: its search runs only as WebAssembly in a browser page.
 */
import { benchDir } from './isolatedDatabase'

import { rm } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import path from 'node:path'

import config from '@payload-config'
import { getPayload, type Migration, type Payload, type Where } from 'payload'

import { loadSearchDocs } from '@/data/search'
import { SearchIndex } from '@/lib/search/engine'
import { StaticSearchClient } from '@/lib/search/static/client'
import { StaticIndexBuilder, writeStaticIndex } from '@/lib/search/static/writer'
import { type SearchDoc, searchDocKey } from '@/lib/search/types'
import { migrations } from '@/migrations/sqlite'
import { seedDemoCounty } from '@/seed/seed'

import { fileFetcher } from '../tests/helpers/fileFetcher'
import { EVAL_SET, type EvalQuery, PINYIN_SET } from '../tests/search/evalSet'
import { percentile, printTable, progress, timed, writeResult } from './lib'

const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 10_000)
const LIKE_DOCS = Number(process.env.BENCH_LIKE_DOCS ?? 10_000)

async function likeSearch(payload: Payload, query: string): Promise<string[]> {
  const words = query.split(/\s+/).filter(Boolean)
  const where: Where = {
    and: words.map((word): Where => ({
      or: [{ title: { like: word } }, { summary: { like: word } }],
    })),
  }
  const slugs: string[] = []
  for (const kind of ['scripts', 'videos', 'textbooks', 'cases'] as const) {
    const { docs } = await payload.find({
      collection: kind,
      where,
      limit: 20,
      depth: 0,
      select: { slug: true },
    })
    slugs.push(...docs.map((doc) => doc.slug ?? ''))
  }
  return slugs
}

function recall(found: (query: string) => Promise<string[]>, set: EvalQuery[] = EVAL_SET) {
  return async () => {
    let hit = 0
    let total = 0
    for (const { query, expect } of set) {
      const slugs = await found(query)
      for (const slug of expect) {
        total++
        if (slugs.includes(slug)) hit++
      }
    }
    return hit / total
  }
}

/** Realistic documents at scale: demo resources recombined, with distinct titles and dates. */
function generateDocs(base: SearchDoc[], count: number): SearchDoc[] {
  const docs: SearchDoc[] = []
  for (let i = 0; i < count; i++) {
    const a = base[i % base.length]
    const b = base[(i * 7 + 3) % base.length]
    docs.push({
      ...a,
      slug: `${a.slug}-g${i}`,
      title: `${a.title}（第${i + 1}期）`,
      body: `${a.body}\n${b.body.slice(0, 600)}`,
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
    })
  }
  return docs
}

const work = benchDir
const payload = await getPayload({ config })
await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
console.log('[bench] 写入示例县 seeding the demo county…')
await seedDemoCounty(payload)
const demoDocs = await loadSearchDocs(payload)
const demoIndex = new SearchIndex(demoDocs)
const staticDemoDir = path.join(work, 'static-demo')
await writeStaticIndex(demoDocs, staticDemoDir)

const liveFound = async (q: string) =>
  demoIndex.search(q, {}, { limit: 20 }).hits.map((h) => h.slug)
const staticFound = async (q: string) =>
  (await new StaticSearchClient('/', fileFetcher(staticDemoDir)).search(q, {}, 20)).hits.map(
    (h) => h.slug,
  )
const likeFound = (q: string) => likeSearch(payload, q)
const recallRows = [
  ['live engine', liveFound],
  ['static index', staticFound],
  ["Payload 'like' (title, summary)", likeFound],
] as const
const recallTable = []
for (const [engine, found] of recallRows) {
  recallTable.push({
    engine,
    recall: (await recall(found)()).toFixed(3),
    'pinyin recall': (await recall(found, PINYIN_SET)()).toFixed(3),
  })
}
printTable(
  `Recall on the evaluation set (${EVAL_SET.length} queries, ${PINYIN_SET.length} in pinyin, demo county)`,
  recallTable,
)

console.log(`[bench] 生成 ${DOCS} 篇文档 generating ${DOCS} documents…`)
const docs = generateDocs(demoDocs, DOCS)
const memoryBefore = process.memoryUsage().heapUsed
const [index, buildMs] = await timed(() => new SearchIndex(docs))
const heapMb = (process.memoryUsage().heapUsed - memoryBefore) / 1024 / 1024
// The live index's way after a publish: the edited document's terms, not a rebuild.
const [, liveEditMs] = await timed(async () =>
  index.withChanges({ upsert: [{ ...docs[Math.floor(docs.length / 2)], title: '修订后的标题' }] }),
)
const staticDir = path.join(work, 'static')
const [stats, staticBuildMs] = await timed(() => writeStaticIndex(docs, staticDir))
// The static publisher's way: the index kept in memory, one change at a time.
const kept = new StaticIndexBuilder()
const [keptFiles, keptBuildMs] = await timed(async () => kept.update(docs))
const [, readBackMs] = await timed(async () => StaticIndexBuilder.fromFiles(keptFiles))
const middle = docs[Math.floor(docs.length / 2)]
const [, editMs] = await timed(async () =>
  kept.update([{ ...middle, title: `${middle.title}（修订）` }]),
)
const [, withdrawMs] = await timed(async () => kept.update([], [searchDocKey(docs[0])]))
const newest = { ...middle, slug: 'bench-newest', publishedAt: new Date().toISOString() }
const [publishFiles, publishMs] = await timed(async () => kept.update([newest]))
const [afterWithdraw] = await timed(async () => kept.update([], [searchDocKey(newest)]))
const changedByWithdraw = [...afterWithdraw].filter(
  ([name, body]) => Buffer.compare(body, publishFiles.get(name) ?? Buffer.alloc(0)) !== 0,
).length

const queries = EVAL_SET.map((entry) => entry.query)
const liveTimes: number[] = []
for (const query of queries)
  for (let r = 0; r < 5; r++) liveTimes.push((await timed(() => index.search(query)))[1])
const pinyinTimes: number[] = []
for (const { query } of PINYIN_SET)
  for (let r = 0; r < 5; r++) pinyinTimes.push((await timed(() => index.search(query)))[1])
const staticTimes: number[] = []
const firstBytes: number[] = []
for (const query of queries) {
  // Static hosts send JSON gzip-compressed: count what would cross the wire.
  let transferred = 0
  const read = fileFetcher(staticDir)
  const client = new StaticSearchClient('/', async (url) => {
    const response = await read(url)
    const text = await response.text()
    transferred += gzipSync(text).length
    return { ok: response.ok, text: async () => text }
  })
  const [, ms] = await timed(() => client.search(query, {}, 20))
  staticTimes.push(ms)
  firstBytes.push(transferred)
}

console.log(
  `[bench] 写入 ${LIKE_DOCS} 篇宣讲稿 inserting ${LIKE_DOCS} scripts for the 'like' comparison…`,
)
const [org] = (await payload.find({ collection: 'orgs', limit: 1, depth: 0 })).docs
for (let i = 0; i < LIKE_DOCS; i++) {
  const doc = docs[i]
  await payload.db
    .create({
      collection: 'scripts',
      data: {
        title: doc.title,
        slug: `bench-${i}`,
        summary: doc.summary,
        org: org.id,
        format: 'weixuanjiang',
        durationMinutes: 10,
        body: {
          root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 },
        },
        _status: 'published',
        reviewState: 'published',
        publishedAt: doc.publishedAt,
      },
    })
    .catch((err: { data?: unknown }) => {
      throw new Error(`写入第 ${i} 篇失败 insert ${i} failed: ${JSON.stringify(err.data)}`)
    })
  progress('like corpus', i + 1, LIKE_DOCS)
}
const likeTimes: number[] = []
for (const query of queries) likeTimes.push((await timed(() => likeSearch(payload, query)))[1])

const latencyRows = [
  {
    engine: 'live engine',
    docs: DOCS,
    'p50 ms': percentile(liveTimes, 50).toFixed(2),
    'p95 ms': percentile(liveTimes, 95).toFixed(2),
  },
  {
    engine: 'live engine, pinyin queries',
    docs: DOCS,
    'p50 ms': percentile(pinyinTimes, 50).toFixed(2),
    'p95 ms': percentile(pinyinTimes, 95).toFixed(2),
  },
  {
    engine: 'static client (disk)',
    docs: DOCS,
    'p50 ms': percentile(staticTimes, 50).toFixed(2),
    'p95 ms': percentile(staticTimes, 95).toFixed(2),
  },
  {
    engine: "Payload 'like' (SQLite)",
    docs: LIKE_DOCS,
    'p50 ms': percentile(likeTimes, 50).toFixed(2),
    'p95 ms': percentile(likeTimes, 95).toFixed(2),
  },
]
printTable(`Query latency (${queries.length} evaluation queries)`, latencyRows)
const sizeRows = [
  {
    'live build ms': buildMs.toFixed(0),
    'live heap MB': heapMb.toFixed(0),
    'live edit ms': liveEditMs.toFixed(0),
    terms: stats.terms,
    'static build ms': staticBuildMs.toFixed(0),
    'kept index: build ms': keptBuildMs.toFixed(0),
    'read back ms': readBackMs.toFixed(0),
    'edit ms': editMs.toFixed(0),
    'withdraw ms': withdrawMs.toFixed(0),
    'publish ms': publishMs.toFixed(0),
    'files a withdrawal changes': changedByWithdraw,
    'static files': stats.files,
    'static MB': (stats.bytes / 1024 / 1024).toFixed(1),
    'first query gzip kB p50': (percentile(firstBytes, 50) / 1024).toFixed(0),
    'first query gzip kB max': (Math.max(...firstBytes) / 1024).toFixed(0),
  },
]
printTable(`Index at ${DOCS} documents`, sizeRows)
const ratio = percentile(likeTimes, 95) / Math.max(percentile(liveTimes, 95), 0.001)
console.log(`\nlike p95 / live engine p95 = ${ratio.toFixed(1)}×`)
console.log(
  `[bench] 结果 results: ${writeResult('search', { recall: recallTable, latency: latencyRows, index: sizeRows, likeToLiveP95: ratio })}`,
)
await rm(work, { recursive: true, force: true })
process.exit(0)
