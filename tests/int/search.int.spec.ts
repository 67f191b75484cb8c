import { mkdtemp } from 'node:fs/promises'
import path from 'node:path'

import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadSearchDocs, searchResources } from '@/data/search'
import { SearchIndex } from '@/lib/search/engine'
import { StaticSearchClient } from '@/lib/search/static/client'
import { writeStaticIndex } from '@/lib/search/static/writer'
import { seedDemoCounty } from '@/seed/seed'

import { draftDemo } from '../helpers/demo'
import { fileFetcher } from '../helpers/fileFetcher'
import { context, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'
import { EVAL_SET, PINYIN_SET } from '../search/evalSet'
import { RESOURCE_KINDS } from '@/lib/kinds'
import { invalidateSearchIndex, searchIndexStats } from '@/lib/search/liveCache'

let payload: Payload
let index: SearchIndex

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemoCounty(payload)
  index = new SearchIndex(await loadSearchDocs(payload))
}, 300_000)

afterAll(() => shutdownPayload(payload))

describe('search over the demo county', () => {
  it(`finds the evaluation set (${EVAL_SET.length} queries) with recall ≥ 0.95 in the top 20`, () => {
    let expected = 0
    let found = 0
    const misses: string[] = []
    for (const { query, expect: slugs } of EVAL_SET) {
      const hits = index.search(query, {}, { limit: 20 }).hits.map((hit) => hit.slug)
      for (const slug of slugs) {
        expected++
        if (hits.includes(slug)) found++
        else misses.push(`${query} → ${slug}`)
      }
    }
    const recall = found / expected
    console.log(
      `search recall ${found}/${expected} = ${recall.toFixed(3)}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`,
    )
    expect(recall).toBeGreaterThanOrEqual(0.95)
  })

  it(`finds pinyin and its initials (${PINYIN_SET.length} queries), live and static, below text matches`, async () => {
    const dir = await mkdtemp(path.join(process.env.TEST_WORK_DIR as string, 'static-pinyin-'))
    await writeStaticIndex(index.docs, dir)
    let expected = 0
    let live = 0
    let fromStatic = 0
    for (const { query, expect: slugs } of PINYIN_SET) {
      const liveHits = index.search(query, {}, { limit: 20 }).hits.map((hit) => hit.slug)
      const client = new StaticSearchClient('/', fileFetcher(dir))
      const staticHits = (await client.search(query, {}, 20)).hits.map((hit) => hit.slug)
      for (const slug of slugs) {
        expected++
        if (liveHits.includes(slug)) live++
        if (staticHits.includes(slug)) fromStatic++
      }
    }
    console.log(`pinyin recall: live ${live}/${expected}, static ${fromStatic}/${expected}`)
    expect(live / expected).toBeGreaterThanOrEqual(0.95)
    expect(fromStatic / expected).toBeGreaterThanOrEqual(0.95)

    // A document that holds the typed letters as text ranks above one that only sounds like it.
    const [doc] = index.docs.filter((entry) => entry.slug === 'caili-qing-qingfen-zhong')
    const mixed = new SearchIndex([
      doc,
      { ...doc, slug: 'latin', title: '婚事新办', extra: '', summary: '拼音写作 caili 的那个词' },
    ])
    expect(mixed.search('caili').hits.map((hit) => hit.slug)).toEqual([
      'latin',
      'caili-qing-qingfen-zhong',
    ])
  })

  it('finds the evaluation set through the static index too, downloading little', async () => {
    const dir = await mkdtemp(path.join(process.env.TEST_WORK_DIR as string, 'static-search-'))
    await writeStaticIndex(index.docs, dir)
    let expected = 0
    let found = 0
    let firstQueryBytes = 0
    for (const [n, { query, expect: slugs }] of EVAL_SET.entries()) {
      // A fresh client per query: what a visitor's first search costs.
      const client = new StaticSearchClient('/', fileFetcher(dir))
      const result = await client.search(query, {}, 20)
      if (n === 0) firstQueryBytes = result.bytes
      const hits = result.hits.map((hit) => hit.slug)
      for (const slug of slugs) {
        expected++
        if (hits.includes(slug)) found++
      }
    }
    console.log(
      `static search recall ${found}/${expected}; first query downloaded ${firstQueryBytes} bytes`,
    )
    expect(found / expected).toBeGreaterThanOrEqual(0.95)
    const filtered = await new StaticSearchClient('/', fileFetcher(dir)).search('', {
      kind: 'videos',
    })
    expect(filtered.total).toBe(0)
    const videos = await new StaticSearchClient('/', fileFetcher(dir)).search('莫得', {
      kind: 'videos',
    })
    expect(videos.hits.length).toBeGreaterThan(0)
    expect(videos.hits.every((hit) => hit.kind === 'videos')).toBe(true)
  })

  it('never indexes drafts', () => {
    const slugs = new Set(index.docs.map((doc) => doc.slug))
    for (const kind of RESOURCE_KINDS) {
      for (const draft of draftDemo(kind)) expect(slugs.has(draft.slug), draft.slug).toBe(false)
    }
    expect(index.docs.length).toBeGreaterThanOrEqual(40)
  })

  it('drops an unpublished resource from the live index at once', async () => {
    const { docs } = await payload.find({
      collection: 'scripts',
      where: { slug: { equals: 'caili-qing-qingfen-zhong' } },
    })
    const before = await searchResources('彩礼轻一点', {})
    expect(before.hits.map((hit) => hit.slug)).toContain('caili-qing-qingfen-zhong')
    await payload.update({
      collection: 'scripts',
      id: docs[0].id,
      data: { _status: 'draft' },
      context,
    })
    const after = await searchResources('彩礼轻一点', {})
    expect(after.hits.map((hit) => hit.slug)).not.toContain('caili-qing-qingfen-zhong')
    await payload.update({
      collection: 'scripts',
      id: docs[0].id,
      data: { _status: 'published' },
      context,
    })
    expect((await searchResources('彩礼轻一点', {})).hits.map((hit) => hit.slug)).toContain(
      'caili-qing-qingfen-zhong',
    )
  })

  it('hands the static publisher the documents a change touched, published ones only', async () => {
    const call = async (keys: string) => {
      const response = await REST_GET(config)(
        new Request(`http://localhost/api/search/documents?keys=${encodeURIComponent(keys)}`),
        { params: Promise.resolve({ slug: ['search', 'documents'] }) },
      )
      return { status: response.status, body: await response.json() }
    }
    const [script, video] = [
      index.docs.find((d) => d.kind === 'scripts')!,
      index.docs.find((d) => d.kind === 'videos')!,
    ]
    const [draft] = draftDemo('scripts')
    const found = await call(
      `scripts/${script.slug},videos/${video.slug},scripts/${draft.slug},cases/none`,
    )
    expect(found.status).toBe(200)
    expect(
      found.body.map((d: { kind: string; slug: string }) => `${d.kind}/${d.slug}`).sort(),
    ).toEqual([`scripts/${script.slug}`, `videos/${video.slug}`].sort())
    // The same documents as the full list gives.
    expect(found.body.find((d: { slug: string }) => d.slug === script.slug)).toEqual(
      JSON.parse(JSON.stringify(script)),
    )
    const refused = await call('posts/x')
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toContain('keys 参数无效')
  })

  it('hands the static publisher every published document page by page, in id order', async () => {
    const call = async (query: string) => {
      const response = await REST_GET(config)(
        new Request(`http://localhost/api/search/documents?${query}`),
        { params: Promise.resolve({ slug: ['search', 'documents'] }) },
      )
      return { status: response.status, body: await response.json() }
    }
    const all = (await call('')).body as { kind: string; slug: string }[]
    for (const kind of RESOURCE_KINDS) {
      const expected = all.filter((d) => d.kind === kind)
      const pages: { kind: string; slug: string }[][] = []
      let after: string | null = null
      do {
        const page: { status: number; body: { docs: []; next: string | null } } = await call(
          `kind=${kind}&limit=3${after ? `&after=${after}` : ''}`,
        )
        expect(page.status).toBe(200)
        expect(page.body.docs.length).toBeLessThanOrEqual(3)
        pages.push(page.body.docs)
        after = page.body.next
      } while (after && pages.length < 100)
      expect(pages.length).toBe(Math.floor(expected.length / 3) + 1)
      // The same documents as the full list (in its own order), each once.
      const bySlug = (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug)
      expect(pages.flat().sort(bySlug)).toEqual([...expected].sort(bySlug))
    }
    // Drafts and withdrawn resources are not in any page.
    const [draft] = draftDemo('scripts')
    const scripts = (await call('kind=scripts&limit=1000')).body.docs as { slug: string }[]
    expect(scripts.map((d) => d.slug)).not.toContain(draft.slug)

    for (const [query, message] of [
      ['kind=posts', 'kind 参数无效'],
      ['kind=scripts&limit=0', 'limit 参数无效'],
      ['kind=scripts&limit=1001', 'limit 参数无效'],
      ['kind=scripts&limit=abc', 'limit 参数无效'],
      ['kind=scripts&after=1;drop', 'after 参数无效'],
      ['kind=scripts&after=zz', 'after 参数无效'],
    ]) {
      const refused = await call(query)
      expect(refused.status, query).toBe(400)
      expect(refused.body.errors[0].message).toContain(message)
    }
  })

  it('answers /api/search with facets and survives hostile parameters', async () => {
    const call = async (query: string) => {
      const response = await REST_GET(config)(new Request(`http://localhost/api/search?${query}`), {
        params: Promise.resolve({ slug: ['search'] }),
      })
      return { status: response.status, body: await response.json() }
    }
    const ok = await call(`q=${encodeURIComponent('老年人 防诈骗')}&kind=videos`)
    expect(ok.status).toBe(200)
    expect(ok.body.total).toBeGreaterThan(0)
    expect(ok.body.hits.every((hit: { kind: string }) => hit.kind === 'videos')).toBe(true)
    expect(ok.body.facets.kind.length).toBeGreaterThan(0)
    for (const hostile of [
      'q=%00%ff',
      'page=-1&kind=<script>',
      `q=${'长'.repeat(5000)}`,
      'topic[$ne]=x',
      'q=%E5%BD',
    ]) {
      expect((await call(hostile)).status, hostile).toBe(200)
    }
  })
})

describe('the live index follows changes without rebuilding', () => {
  const slugsFor = async (query: string) =>
    (await searchResources(query, {}, 1, 100)).hits.map((hit) => hit.slug)

  it('applies edits, new slugs, publishes and deletions as they happen, as a rebuild would', async () => {
    await searchResources('彩礼', {})
    const before = searchIndexStats()
    const [first, second] = [unique('live'), unique('live')]
    const [org] = (await payload.find({ collection: 'orgs', limit: 1, depth: 0 })).docs
    const created = await payload.create({
      collection: 'scripts',
      data: {
        ...scriptData(org.id, `长塘村夜话 ${first}`),
        slug: `${first}-a`,
        _status: 'published',
      },
      overrideAccess: true,
      context,
    })
    expect(await slugsFor(first)).toEqual([`${first}-a`])

    await payload.update({
      collection: 'scripts',
      id: created.id,
      data: { title: `柳溪渡口讲新风 ${second}`, summary: '渡口边的新风尚', slug: `${second}-b` },
      overrideAccess: true,
      context,
    })
    expect(await slugsFor(second)).toEqual([`${second}-b`])
    expect(await slugsFor(first)).toEqual([])

    await payload.delete({ collection: 'scripts', id: created.id, overrideAccess: true, context })
    expect(await slugsFor(second)).toEqual([])

    const after = searchIndexStats()
    expect(after.builds).toBe(before.builds)
    expect(after.refreshes).toBeGreaterThanOrEqual(before.refreshes + 3)
    // Refreshes read again only the document that changed (when created and when edited; its
    // deletion is found by the count), not the others their look-back covers: the whole county
    // was seeded moments ago, drafts included.
    expect(after.reread - before.reread).toBe(2)

    // What the refreshed index answers is what a fresh build of the same content answers.
    const fresh = new SearchIndex(await loadSearchDocs(payload))
    for (const query of ['', '彩礼', '防诈骗 老年人', 'caili']) {
      for (const filters of [{}, { kind: 'videos' as const }]) {
        const live = await searchResources(query, filters, 1, 500)
        expect(live, `${query} ${JSON.stringify(filters)}`).toEqual(
          fresh.search(query, filters, { limit: 500 }),
        )
      }
    }
  })

  it('repairs on its periodic thorough check what no hook reported (a direct database edit)', async () => {
    const [doc] = (
      await payload.find({
        collection: 'scripts',
        where: { _status: { equals: 'published' } },
        limit: 1,
        depth: 0,
      })
    ).docs
    await searchResources('彩礼', {})
    const marker = unique('direct')
    const rewrite = (title: string, updatedAt: string) =>
      // As a restore or a hand edit would: no hooks, and a change time of its own.
      payload.db.updateOne({ collection: 'scripts', id: doc.id, data: { title, updatedAt } })
    await rewrite(`${doc.title} ${marker}`, '2025-01-01T00:00:00.000Z')
    try {
      invalidateSearchIndex()
      // A quick refresh looks for recent changes only: this one is older than anything it read.
      expect(await slugsFor(marker)).toEqual([])
      const before = searchIndexStats()
      invalidateSearchIndex({ thorough: true })
      expect(await slugsFor(marker)).toEqual([doc.slug])
      expect(searchIndexStats().builds).toBe(before.builds)
    } finally {
      await rewrite(doc.title, doc.updatedAt)
      invalidateSearchIndex({ thorough: true })
    }
    expect(await slugsFor(marker)).toEqual([])
  })

  it('rebuilds when an org is renamed: its name is in every document it holds', async () => {
    const [script] = (
      await payload.find({
        collection: 'scripts',
        where: { _status: { equals: 'published' } },
        limit: 1,
        depth: 1,
      })
    ).docs
    const org = script.org as { id: number | string; name: string }
    const renamed = `${org.name}${unique('更名')}`
    const before = searchIndexStats()
    await payload.update({
      collection: 'orgs',
      id: org.id,
      data: { name: renamed },
      overrideAccess: true,
      context,
    })
    try {
      expect(await slugsFor(renamed)).toContain(script.slug)
      expect(searchIndexStats().builds).toBe(before.builds + 1)
    } finally {
      await payload.update({
        collection: 'orgs',
        id: org.id,
        data: { name: org.name },
        overrideAccess: true,
        context,
      })
    }
  })
})
