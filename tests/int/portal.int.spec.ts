import { strFromU8, unzipSync } from 'fflate'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countyFigures, listAcrossKinds, listResources } from '@/data/resources'
import { getOrg, getTopic } from '@/data/taxonomy'
import { TAGS, tagsForChange } from '@/data/cacheTags'
import { parseListQuery } from '@/lib/listQuery'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { buildScriptDocx, attachmentDisposition } from '@/lib/scriptDocx'

import { context, createOrgTree, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let tree: Awaited<ReturnType<typeof createOrgTree>>
let otherInstitute: { id: number; slug?: string | null }
let childTopic: { id: number; slug?: string | null }
const titles: Record<string, string> = {}

const titlesOf = (cards: { title: string }[]) => cards.map((card) => card.title).sort()

beforeAll(async () => {
  payload = await bootPayload()
  tree = await createOrgTree(payload)
  const tag = unique('p')
  otherInstitute = await payload.create({
    collection: 'orgs',
    data: {
      name: `另一所${tag}`,
      slug: `${tag}-other`,
      level: 'institute',
      parent: tree.center.id,
    },
    context,
  })
  childTopic = await payload.create({
    collection: 'topics',
    data: { name: `子主题${tag}`, slug: `${tag}-child`, parent: tree.topic.id },
    context,
  })
  const make = async (
    key: string,
    data: Record<string, unknown>,
    status: 'published' | 'draft' = 'published',
  ) => {
    titles[key] = `${key}稿${tag}`
    await payload.create({
      collection: 'scripts',
      data: { ...scriptData(tree.station.id, titles[key]), ...data, _status: status } as never,
      draft: status === 'draft',
      context,
    })
  }
  await make('station', {
    topics: [childTopic.id],
    format: 'bandeng',
    durationMinutes: 10,
    audience: ['elderly'],
    dialect: 'lanchuan',
  })
  await make('other', {
    org: otherInstitute.id,
    topics: [tree.topic.id],
    format: 'weixuanjiang',
    durationMinutes: 25,
    audience: ['youth'],
    dialect: 'mandarin',
  })
  await make('center', { org: tree.center.id, durationMinutes: 5 })
  await make('draft', { topics: [childTopic.id], durationMinutes: 10 }, 'draft')
  const caseData = (title: string, peopleServed: number) => ({
    title,
    summary: `${title}摘要`,
    org: tree.station.id,
    loop: { order: '点单', dispatch: '派单', accept: '接单', review: '评单' },
    outcomes: { volunteers: 3, activities: 4, peopleServed, year: 2025 },
    body: paragraphsToLexical(['案例正文。']) as never,
  })
  await payload.create({
    collection: 'cases',
    data: { ...caseData(`公开案例${tag}`, 1200), _status: 'published' } as never,
    context,
  })
  await payload.create({
    collection: 'cases',
    data: { ...caseData(`草稿案例${tag}`, 99999), _status: 'draft' } as never,
    draft: true,
    context,
  })
})

afterAll(async () => {
  await shutdownPayload(payload)
})

const list = (params: Record<string, string>) =>
  listResources('scripts', parseListQuery('scripts', params))

describe('list filters', () => {
  it('lists only published resources, newest first, drafts never', async () => {
    const result = await list({})
    expect(titlesOf(result.cards)).toEqual(
      titlesOf([titles.station, titles.other, titles.center].map((title) => ({ title }))),
    )
    expect(result.total).toBe(3)
  })

  it('filters by org with its whole subtree', async () => {
    expect((await list({ org: tree.center.slug! })).total).toBe(3)
    expect(titlesOf((await list({ org: tree.institute.slug! })).cards)).toEqual([titles.station])
    expect(titlesOf((await list({ org: otherInstitute.slug! })).cards)).toEqual([titles.other])
    expect((await list({ org: 'no-such-org' })).total).toBe(0)
  })

  it('filters by topic including subtopics', async () => {
    expect(titlesOf((await list({ topic: tree.topic.slug! })).cards)).toEqual(
      [titles.station, titles.other].sort(),
    )
    expect(titlesOf((await list({ topic: childTopic.slug! })).cards)).toEqual([titles.station])
  })

  it('filters by format, audience, dialect and duration range', async () => {
    expect(titlesOf((await list({ format: 'weixuanjiang' })).cards)).toEqual([titles.other])
    expect(titlesOf((await list({ audience: 'elderly' })).cards)).toEqual([titles.station])
    expect(titlesOf((await list({ dialect: 'lanchuan' })).cards)).toEqual([titles.station])
    expect(titlesOf((await list({ min: '8', max: '12' })).cards)).toEqual([titles.station])
    expect(titlesOf((await list({ min: '20' })).cards)).toEqual([titles.other])
    expect(titlesOf((await list({ max: '20', format: 'bandeng' })).cards)).toEqual(
      [titles.station, titles.center].sort(),
    )
  })

  it('sorts shortest first and clamps the page to the last one', async () => {
    const shortest = await list({ sort: 'shortest' })
    expect(shortest.cards.map((card) => card.title)).toEqual([
      titles.center,
      titles.station,
      titles.other,
    ])
    const beyond = await list({ page: '99' })
    expect(beyond.page).toBe(1)
    expect(beyond.cards).toHaveLength(3)
  })
})

describe('topic and org pages', () => {
  it('collect their subtree across kinds, without drafts', async () => {
    const byOrg = await listAcrossKinds({ org: tree.institute.slug! })
    expect(titlesOf(byOrg.scripts.cards)).toEqual([titles.station])
    expect(byOrg.cases.total).toBe(1)
    const org = await getOrg(tree.institute.slug!)
    expect(org?.ancestors.map((item) => item.id)).toEqual([tree.center.id])
    expect(org?.children.map((item) => item.id)).toEqual([tree.station.id])
    const topic = await getTopic(tree.topic.slug!)
    expect(topic?.children.map((item) => item.id)).toEqual([childTopic.id])
    expect(await getTopic('no-such-topic')).toBeNull()
  })

  it('county figures count published resources per township and sum people served', async () => {
    const figures = await countyFigures()
    expect(figures.byKind.scripts).toBe(3)
    expect(figures.byKind.cases).toBe(1)
    expect(figures.peopleServed).toBe(1200)
    const township = figures.byTownship.find((item) => item.slug === tree.institute.slug)
    expect(township?.count).toBe(2) // the station's script and case
  })
})

describe('cache tags of a change', () => {
  it('touches the resource, its topics and orgs with ancestors, and lists only when it moves', () => {
    const taxonomy = {
      orgs: [tree.center, tree.institute, tree.station].map((org) => ({
        id: org.id,
        slug: org.slug!,
        parent: typeof org.parent === 'object' ? (org.parent?.id ?? null) : (org.parent ?? null),
      })),
      topics: [
        { id: tree.topic.id, slug: tree.topic.slug!, parent: null },
        { id: childTopic.id, slug: childTopic.slug!, parent: tree.topic.id },
      ],
    }
    const published = {
      slug: 'x',
      publishedAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
      org: tree.station.id,
      topics: [childTopic.id],
    }
    const scoped = [
      TAGS.resource('scripts', 'x'),
      TAGS.document('scripts', 7),
      TAGS.anyChange('scripts'),
      TAGS.topic(childTopic.slug!),
      TAGS.topic(tree.topic.slug!),
      TAGS.org(tree.station.slug!),
      TAGS.org(tree.institute.slug!),
      TAGS.org(tree.center.slug!),
    ]
    // Publishing and withdrawing: the resource joins or leaves every list of its kind.
    expect(tagsForChange('scripts', 7, null, published, taxonomy).sort()).toEqual(
      [...scoped, TAGS.list('scripts')].sort(),
    )
    expect(tagsForChange('scripts', 7, published, null, taxonomy).sort()).toEqual(
      [...scoped, TAGS.list('scripts')].sort(),
    )
    // An edit of the published version keeps its place in the kind's lists.
    const edited = { ...published, updatedAt: '2026-11-02T00:00:00.000Z' }
    expect(tagsForChange('scripts', 7, published, edited, taxonomy).sort()).toEqual(scoped.sort())
    // A new slug: both the old and the new resource tag, and the lists.
    const renamed = tagsForChange('scripts', 7, published, { ...edited, slug: 'y' }, taxonomy)
    expect(renamed).toEqual(
      expect.arrayContaining([TAGS.resource('scripts', 'x'), TAGS.resource('scripts', 'y')]),
    )
    expect(renamed).toContain(TAGS.list('scripts'))
    // A move to another org: the old org's pages and the new one's.
    const moved = tagsForChange(
      'scripts',
      7,
      published,
      { ...edited, org: tree.institute.id },
      taxonomy,
    )
    expect(moved).toEqual(
      expect.arrayContaining([TAGS.org(tree.station.slug!), TAGS.org(tree.institute.slug!)]),
    )
    // Nothing public before or after: nothing to invalidate.
    expect(tagsForChange('scripts', 7, null, null, taxonomy)).toEqual([])
  })
})

describe('Word download', () => {
  it('is a valid .docx holding the title, key points and body', async () => {
    const file = await buildScriptDocx({
      title: '婚事新办十分钟',
      summary: '摘要',
      meta: [['宣讲形式', '板凳课堂']],
      keyPoints: ['彩礼不攀比'],
      body: '乡亲们好。\n今天讲讲婚事新办。',
      sourceUrl: 'http://127.0.0.1/scripts/x',
    })
    const entries = unzipSync(new Uint8Array(file))
    expect(Object.keys(entries)).toContain('[Content_Types].xml')
    const xml = strFromU8(entries['word/document.xml'])
    for (const text of ['婚事新办十分钟', '板凳课堂', '彩礼不攀比', '今天讲讲婚事新办。']) {
      expect(xml).toContain(text)
    }
    expect(attachmentDisposition('婚事新办.docx')).toBe(
      `attachment; filename="____.docx"; filename*=UTF-8''${encodeURIComponent('婚事新办.docx')}`,
    )
  })
})
