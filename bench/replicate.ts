/**
 * Builds a large Mongo-wire benchmark database from a smaller generated one (run by bench/run.ts
 * in its own process): every collection of BENCH_SOURCE_DB is copied into BENCH_DATABASE_URI's
 * database on the same server, and the four resource collections and their versions BENCH_FACTOR
 * times, each copy with new ids and its own slugs (`-r2`, `-r3`…) and versions pointing at it.
 * Orgs, topics, users and media stay as they are, so the copies keep the generated distribution
 * over townships, topics, formats and review states.
 *
 * Why not the generator itself: on FerretDB every Local API create makes queries that scan the
 * whole collection (FerretDB v1 does not push filters into SQLite), so writing 10k resources one
 * by one slows to 2 a second and would take hours. Driver-level inserts take a minute or two.
 */
import { benchDir } from './benchEnv'

import { writeFileSync } from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { RESOURCE_KINDS } from '@/lib/kinds'

type Doc = Record<string, unknown> & { _id: unknown }
type Collection = {
  find(): { toArray(): Promise<Doc[]> }
  insertMany(docs: Doc[], options: { ordered: boolean }): Promise<unknown>
}
type Database = {
  listCollections(): { toArray(): Promise<{ name: string }[]> }
  collection(name: string): Collection
}
type Connection = {
  db: Database
  getClient(): { db(name: string): Database }
}

const sourceName = process.env.BENCH_SOURCE_DB
const factor = Number(process.env.BENCH_FACTOR ?? 10)
if (!sourceName || !Number.isInteger(factor) || factor < 1) {
  throw new Error('BENCH_SOURCE_DB 与 BENCH_FACTOR（正整数）必填 (required)')
}

const started = Date.now()
// Boots on the (empty) target database: its indexes exist before any document goes in.
const payload = await getPayload({ config })
const connection = (payload.db as unknown as { connection: Connection }).connection
const source = connection.getClient().db(sourceName)
const target = connection.db

const resources = new Set<string>(RESOURCE_KINDS)
const versionsOf = (name: string) => /^_(.+)_versions$/.exec(name)?.[1]
const counts: Record<string, number> = {}

/** New ids for every copy after the first, per resource, so versions can point at their copy. */
const copies = new Map<string, unknown[]>()
// The adapter's own mongoose (the connection's `base`) makes the new ids: no extra dependency.
const { ObjectId } = (connection as unknown as { base: { Types: { ObjectId: new () => unknown } } })
  .base.Types

const names = (await source.listCollections().toArray())
  .map((collection) => collection.name)
  .filter((name) => !name.startsWith('system.'))
  // Documents before their versions: a version needs its copy's new id.
  .sort((a, b) => Number(Boolean(versionsOf(a))) - Number(Boolean(versionsOf(b))))

for (const [index, name] of names.entries()) {
  const docs = await source.collection(name).find().toArray()
  const kind = versionsOf(name)
  let out: Doc[] = docs
  if (resources.has(name)) {
    out = []
    for (const doc of docs) {
      const ids = [doc._id, ...Array.from({ length: factor - 1 }, () => new ObjectId())]
      copies.set(String(doc._id), ids)
      ids.forEach((id, copy) =>
        out.push(copy === 0 ? doc : { ...doc, _id: id, slug: `${String(doc.slug)}-r${copy + 1}` }),
      )
    }
  } else if (kind && resources.has(kind)) {
    out = []
    for (const doc of docs) {
      const ids = copies.get(String(doc.parent)) ?? [doc.parent]
      ids.forEach((parent, copy) => {
        if (copy === 0) return out.push(doc)
        const version = doc.version as Record<string, unknown> | undefined
        out.push({
          ...doc,
          _id: new ObjectId(),
          parent,
          version: version ? { ...version, slug: `${String(version.slug)}-r${copy + 1}` } : version,
        })
      })
    }
  }
  for (let i = 0; i < out.length; i += 500) {
    await target.collection(name).insertMany(out.slice(i, i + 500), { ordered: true })
  }
  counts[name] = out.length
  process.stdout.write(
    `\r[bench] 复制 replicating ${index + 1}/${names.length} ${name}: ${out.length}          `,
  )
}
process.stdout.write('\n')
const seconds = (Date.now() - started) / 1000
const total = RESOURCE_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0)
writeFileSync(
  path.join(benchDir, 'generated.json'),
  JSON.stringify({
    counts: Object.fromEntries(RESOURCE_KINDS.map((kind) => [kind, counts[kind] ?? 0])),
    seconds,
    perSecond: total / seconds,
    replicatedFrom: sourceName,
    factor,
  }),
)
console.log(`[bench] 完成 ${seconds.toFixed(0)} s：${total} 项资源 resources`)
process.exit(0)
