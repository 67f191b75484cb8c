/**
 * Content generator for the benchmarks (run by bench/run.ts in its own process, BENCH_DIR and
 * BENCH_SIZE set; into SQLite, or the Mongo-wire database BENCH_DATABASE_URI names): seeds the demo county of 岚川县 (orgs, topics, users, illustrations), then
 * writes BENCH_SIZE resources across the four kinds through the Local API with revalidation
 * disabled. Texts recombine the county's original seed writing with new, generated framing
 * (place, season, occasion), so titles, summaries and bodies are distinct and realistic;
 * covers, orgs and topics are reused (no new images).
 */
import { benchDir } from './benchEnv'

import { writeFileSync } from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { getPayload, type Migration, type RequiredDataFromCollectionSlug } from 'payload'

import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { cuesToVtt } from '@/lib/vtt'
import { migrations } from '@/migrations/sqlite'
import { cases } from '@/seed/content/cases'
import { orgs, topics } from '@/seed/content/county'
import { scripts } from '@/seed/content/scripts'
import { textbooks } from '@/seed/content/textbooks'
import type { SeedResourceBase } from '@/seed/content/types'
import { videos } from '@/seed/content/videos'
import { seedDemoCounty } from '@/seed/seed'

const SIZE = Number(process.env.BENCH_SIZE ?? 1000)
const context = { disableRevalidate: true }
const DAY = 24 * 60 * 60 * 1000

/** Share of each kind in a county's library: many scripts, fewer textbooks. */
const SHARE: Record<ResourceKind, number> = {
  scripts: 0.4,
  videos: 0.25,
  textbooks: 0.1,
  cases: 0.25,
}

const SEASONS = ['春耕时节', '夏收前后', '秋收以后', '腊月年前', '正月里', '农闲时节']
const OCCASIONS = [
  '院坝会',
  '板凳课堂',
  '赶场天流动宣讲',
  '新时代讲习所夜校',
  '祠堂讲堂',
  '田间地头宣讲',
  '社区议事会',
  '志愿服务日',
]
const LEADS = [
  '这一场是应群众“点单”专门准备的，',
  '讲之前，宣讲员先挨家挨户听了意见，',
  '讲完以后，大家围着宣讲员又扯了半个钟头，',
  '这一期换了本地人熟悉的例子，',
  '村里的老党员也上台讲了自己的经历，',
]
const CLOSINGS = [
  '散场时，好几户人家留下来登记了下一次想听的题目。',
  '会后，志愿者把要点抄在村务公开栏上，赶场的人都能看到。',
  '这次宣讲的录音整理成文字，放进了村里的“板凳书屋”。',
  '下一场准备换到邻村，请那边的网格员先摸一摸大家关心啥。',
  '参加的群众在积分超市加了积分，年轻人也拉着老人来听。',
]

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]

type Framing = { title: string; summary: string; paragraph: string; publishedAt: string }

/** New framing for the n-th copy of a seed resource: place, season, occasion and date. */
function framing(base: SeedResourceBase, n: number, orgName: string): Framing {
  const season = pick(SEASONS, n * 7 + 1)
  const occasion = pick(OCCASIONS, n * 3 + 2)
  const year = 2021 + (n % 6)
  const place = orgName.replace(/新时代文明实践(中心|所|站)$/, '')
  const title = `${base.title}（${place}${season}${occasion}·第${n + 1}场）`.slice(0, 120)
  const summary = `${year}年${season}，${place}${occasion}：${base.summary}`.slice(0, 300)
  const paragraph = `${pick(LEADS, n)}${place}的${occasion}安排在${season}，${pick(CLOSINGS, n * 5 + 3)}`
  // Spread over five years, newest first for the highest n.
  const publishedAt = new Date(Date.UTC(2021, 0, 1) + n * ((5 * 365 * DAY) / SIZE)).toISOString()
  return { title, summary, paragraph, publishedAt }
}

const payload = await getPayload({ config })
if (payload.db.name === 'sqlite') {
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  // A throwaway database: skip the fsync after every write (several times faster on ext4).
  await (
    payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
  ).client.execute('PRAGMA synchronous = OFF')
}
const seedStart = Date.now()
console.log('[bench] 写入示例县（组织、主题、用户、插图）seeding the demo county…')
await seedDemoCounty(payload, {
  log: (line) => process.stdout.write(`\r[seed] ${line}`.padEnd(60)),
})
process.stdout.write(`\n[bench] 示例县完成 ${((Date.now() - seedStart) / 1000).toFixed(1)} s\n`)

async function ids(collection: 'orgs' | 'topics') {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 0 })
  return new Map(docs.map((doc) => [doc.slug as string, doc.id as number]))
}
const orgIds = await ids('orgs')
const topicIds = await ids('topics')
const { docs: mediaDocs } = await payload.find({
  collection: 'media',
  limit: 0,
  pagination: false,
  depth: 0,
  select: { filename: true },
})
const mediaByName = new Map(mediaDocs.map((doc) => [doc.filename as string, doc.id as number]))
const mediaIds = [...mediaByName.values()]
const orgSlugs = orgs.map((org) => org.slug)
const orgName = new Map(orgs.map((org) => [org.slug, org.name]))
const topicSlugs = topics.map((topic) => topic.slug)

const existing = Object.fromEntries(
  await Promise.all(
    RESOURCE_KINDS.map(
      async (kind) => [kind, (await payload.count({ collection: kind })).totalDocs] as const,
    ),
  ),
) as Record<ResourceKind, number>
const demoTotal = Object.values(existing).reduce((a, b) => a + b, 0)
const toCreate = Math.max(0, SIZE - demoTotal)
const plan = RESOURCE_KINDS.map((kind) => [kind, Math.round(toCreate * SHARE[kind])] as const)

function common(kind: ResourceKind, base: SeedResourceBase, n: number) {
  const org = pick(orgSlugs, n * 5 + base.slug.length)
  const f = framing(base, n, orgName.get(org) ?? '岚川县')
  const extraTopic = pick(topicSlugs, n)
  // About one in twelve stays a draft (in review), as in a real library.
  const draft = n % 12 === 5
  return {
    f,
    draft,
    data: {
      title: f.title,
      slug: `${base.slug}-b${n}`,
      summary: f.summary,
      topics: [...new Set([...base.topics, extraTopic])].map((slug) => topicIds.get(slug)),
      org: orgIds.get(org),
      tags: base.tags,
      publishedAt: draft ? undefined : f.publishedAt,
      cover:
        mediaByName.get(`seed-${kind}-${base.slug}.jpg`) ?? pick(mediaIds, n * 11 + kind.length),
      _status: draft ? 'draft' : 'published',
      reviewState: draft ? 'submitted' : 'published',
    },
  }
}

function fieldsFor(kind: ResourceKind, n: number) {
  if (kind === 'scripts') {
    const base = pick(scripts, n)
    const { f, draft, data } = common(kind, base, n)
    return {
      draft,
      data: {
        ...data,
        format: base.format,
        audience: base.audience,
        durationMinutes: base.durationMinutes + (n % 4) * 5,
        dialect: base.dialect,
        keyPoints: base.keyPoints.map((point) => ({ point })),
        body: paragraphsToLexical([f.paragraph, ...base.body]),
      },
    }
  }
  if (kind === 'videos') {
    const base = pick(videos, n)
    const { f, draft, data } = common(kind, base, n)
    return {
      draft,
      data: {
        ...data,
        dialect: base.dialect,
        description: `${f.paragraph}${base.description}`,
        subtitles: cuesToVtt(base.cues),
        poster: mediaByName.get(`seed-poster-${base.slug}.jpg`),
      },
    }
  }
  if (kind === 'textbooks') {
    const base = pick(textbooks, n)
    const { f, draft, data } = common(kind, base, n)
    return {
      draft,
      data: {
        ...data,
        audience: base.audience,
        chapters: base.chapters.map((chapter, i) => ({
          title: chapter.title,
          body: paragraphsToLexical(i === 0 ? [f.paragraph, ...chapter.body] : chapter.body),
        })),
      },
    }
  }
  const base = pick(cases, n)
  const { f, draft, data } = common(kind, base, n)
  return {
    draft,
    data: {
      ...data,
      loop: base.loop,
      outcomes: {
        ...base.outcomes,
        peopleServed: base.outcomes.peopleServed + (n % 50) * 7,
        year: 2021 + (n % 6),
      },
      body: paragraphsToLexical([f.paragraph, ...base.body]),
      gallery: base.gallery.map((caption, i) => ({
        image: mediaByName.get(`seed-${base.slug}-photo-${i + 1}.jpg`) ?? pick(mediaIds, n + i),
        caption,
      })),
    },
  }
}

const started = Date.now()
let done = 0
const total = plan.reduce((sum, [, count]) => sum + count, 0)
console.log(`[bench] 生成 ${total} 项资源 generating ${total} resources (+${demoTotal} demo)…`)
for (const [kind, count] of plan) {
  for (let n = 0; n < count; n++) {
    const { draft, data } = fieldsFor(kind, n)
    await payload.create({
      collection: kind,
      draft,
      data: data as RequiredDataFromCollectionSlug<typeof kind>,
      overrideAccess: true,
      context,
    })
    done++
    if (done % 50 === 0 || done === total) {
      const rate = done / ((Date.now() - started) / 1000)
      process.stdout.write(
        `\r[bench] 生成 ${done}/${total}（${kind}，${rate.toFixed(0)} 项/秒，剩余约 ${Math.round((total - done) / rate)} 秒）   `,
      )
    }
  }
}
process.stdout.write('\n')
const seconds = (Date.now() - started) / 1000
const counts = Object.fromEntries(
  await Promise.all(
    RESOURCE_KINDS.map(
      async (kind) => [kind, (await payload.count({ collection: kind })).totalDocs] as const,
    ),
  ),
)
writeFileSync(
  path.join(benchDir, 'generated.json'),
  `${JSON.stringify({ size: SIZE, counts, seconds, perSecond: total / Math.max(seconds, 0.001) }, null, 2)}\n`,
)
console.log(`[bench] 完成 ${seconds.toFixed(0)} s：${JSON.stringify(counts)}`)
process.exit(0)
