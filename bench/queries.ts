/**
 * Admin/API query cost (run by bench/run.ts in its own process on a generated database): p50/p95
 * of the list queries the portal and the admin issue — filtered, sorted, paginated — and of the
 * counts the home page shows, on SQLite or (BENCH_DATABASE_URI) a Mongo-wire database. Writes its
 * rows to $BENCH_DIR/$BENCH_RESULT (queries.json) for the dispatcher.
 */
import { benchDir } from './benchEnv'

import { writeFileSync } from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { getPayload, type Where } from 'payload'

import {
  CARD_SELECT,
  countByKind,
  countyFigures,
  listAcrossKinds,
  listResources,
  TAXONOMY_POPULATE,
} from '@/data/resources'
import { PUBLIC_READ, publicWhere } from '@/data/public'
import { listOrgs, orgSubtreeIds, topicSubtreeIds } from '@/data/taxonomy'
import { RESOURCE_KINDS } from '@/lib/kinds'

import { percentile, timed } from './lib'

const REPEAT = Number(process.env.BENCH_QUERY_REPEAT ?? 40)
const payload = await getPayload({ config })

const topicIds = (await topicSubtreeIds('yifeng-yisu')) ?? []
const orgIds = (await orgSubtreeIds('liuxi')) ?? []
const townships = (await listOrgs()).filter((org) => org.level === 'institute')

type Case = { name: string; run: () => Promise<unknown> }
const cases: Case[] = []
// The portal reads cards (CARD_SELECT, depth 1); the admin list reads depth 0.
const page5 = {
  limit: 20,
  page: 5,
  sort: '-publishedAt',
  depth: 1,
  select: CARD_SELECT,
  populate: TAXONOMY_POPULATE,
} as const

for (const kind of RESOURCE_KINDS) {
  const filters: [string, Where][] = [
    ['published', {}],
    ['topic', { topics: { in: topicIds } }],
    ['org', { org: { in: orgIds } }],
  ]
  if (kind === 'scripts') filters.push(['format', { format: { equals: 'bandeng' } }])
  for (const [label, where] of filters) {
    cases.push({
      name: `portal ${kind} ${label}`,
      run: () =>
        payload.find({ collection: kind, where: publicWhere(where), ...page5, ...PUBLIC_READ }),
    })
  }
  // The admin list: drafts included, newest first, filtered by review state or org.
  cases.push({
    name: `admin ${kind} list`,
    run: () =>
      payload.find({
        collection: kind,
        draft: true,
        limit: 20,
        page: 5,
        sort: '-publishedAt',
        depth: 0,
      }),
  })
  cases.push({
    name: `admin ${kind} submitted`,
    run: () =>
      payload.find({
        collection: kind,
        draft: true,
        where: { reviewState: { equals: 'submitted' } },
        limit: 20,
        sort: '-publishedAt',
        depth: 0,
      }),
  })
}
cases.push({
  name: 'portal list page (listResources scripts topic p5)',
  run: () => listResources('scripts', { sort: 'newest', page: 5, topic: 'yifeng-yisu' }),
})
cases.push({ name: 'home countByKind', run: () => countByKind() })
cases.push({
  name: `home countyFigures (${townships.length} townships)`,
  run: () => countyFigures(),
})
cases.push({ name: 'org page listAcrossKinds', run: () => listAcrossKinds({ org: 'liuxi' }) })

const rows: Record<string, string | number>[] = []
for (const [index, item] of cases.entries()) {
  await item.run() // warm-up
  const times: number[] = []
  for (let r = 0; r < REPEAT; r++) times.push((await timed(item.run))[1])
  rows.push({
    query: item.name,
    'p50 ms': percentile(times, 50).toFixed(1),
    'p95 ms': percentile(times, 95).toFixed(1),
  })
  process.stdout.write(`\r[bench] 查询 queries ${index + 1}/${cases.length}   `)
}
process.stdout.write('\n')
writeFileSync(path.join(benchDir, process.env.BENCH_RESULT ?? 'queries.json'), JSON.stringify(rows))
process.exit(0)
