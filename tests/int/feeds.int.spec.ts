import { parseFeed } from '@rowanmanning/feed-parser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET } from '@/app/(frontend)/feeds/[...path]/route'
import { feedContent } from '@/data/feeds'
import { listAcrossKinds } from '@/data/resources'
import { parseFeedPath } from '@/lib/feeds'
import { RESOURCE_KINDS } from '@/lib/kinds'
import { seedDemoCounty } from '@/seed/seed'

import { draftDemo, publishedDemo } from '../helpers/demo'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const DRAFT_TITLES = RESOURCE_KINDS.flatMap((kind) => draftDemo(kind).map((item) => item.title))

async function feed(path: string) {
  const response = await GET(new Request(`http://localhost${path}`), {
    params: Promise.resolve({ path: path.replace(/^\/feeds\//, '').split('/') }),
  })
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  }
}

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemoCounty(payload)
}, 300_000)

afterAll(() => shutdownPayload(payload))

describe('feed paths', () => {
  it('parses what we publish and nothing else', () => {
    expect(parseFeedPath(['rss.xml'])).toEqual({ scope: { type: 'all' }, format: 'rss.xml' })
    expect(parseFeedPath(['videos', 'feed.json'])).toEqual({
      scope: { type: 'kind', kind: 'videos' },
      format: 'feed.json',
    })
    expect(parseFeedPath(['topic', 'yifeng-yisu', 'atom.xml'])?.scope).toEqual({
      type: 'topic',
      slug: 'yifeng-yisu',
    })
    for (const bad of [
      ['x.xml'],
      ['nope', 'rss.xml'],
      ['topic', '../etc', 'rss.xml'],
      ['org', 'a', 'b', 'rss.xml'],
    ]) {
      expect(parseFeedPath(bad)).toBeNull()
    }
  })
})

describe('feeds of published resources', () => {
  it('serves valid RSS 2.0 and Atom that a real parser reads, without drafts', async () => {
    for (const [path, format, type] of [
      ['/feeds/rss.xml', 'rss', 'application/rss+xml'],
      ['/feeds/atom.xml', 'atom', 'application/atom+xml'],
      ['/feeds/scripts/rss.xml', 'rss', 'application/rss+xml'],
      ['/feeds/topic/yifeng-yisu/atom.xml', 'atom', 'application/atom+xml'],
      ['/feeds/org/liuxi/rss.xml', 'rss', 'application/rss+xml'],
    ] as const) {
      const { status, type: contentType, body } = await feed(path)
      expect(status, path).toBe(200)
      expect(contentType).toContain(type)
      const parsed = parseFeed(body)
      expect(parsed.meta.type).toBe(format)
      expect(parsed.items.length, path).toBeGreaterThan(0)
      for (const item of parsed.items) {
        expect(item.url).toMatch(/^http:\/\/localhost:3000\/(scripts|videos|textbooks|cases)\//)
        expect(item.description?.length ?? 0).toBeGreaterThan(0)
      }
      for (const title of DRAFT_TITLES) expect(body, path).not.toContain(title)
    }
    const scripts = parseFeed((await feed('/feeds/scripts/rss.xml')).body)
    expect(scripts.items.length).toBe(publishedDemo('scripts').length)
  })

  it('gives video items an enclosure with length and type', async () => {
    const parsed = parseFeed((await feed('/feeds/videos/rss.xml')).body)
    const withFile = parsed.items.filter((item) =>
      item.media.some((media) => media.mimeType?.startsWith('video/')),
    )
    expect(withFile.length).toBeGreaterThan(0)
    for (const item of withFile) {
      const media = item.media.find((entry) => entry.mimeType?.startsWith('video/'))!
      expect(media.length).toBeGreaterThan(0)
      expect(media.url).toMatch(/^http:\/\/localhost:3000\/api\/video-files\/file\//)
    }
  })

  it('serves JSON Feed 1.1', async () => {
    const { status, type, body } = await feed('/feeds/feed.json')
    expect(status).toBe(200)
    expect(type).toContain('application/feed+json')
    const json = JSON.parse(body)
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.title).toBe('岚川县文明实践资源库')
    expect(json.items.length).toBeGreaterThan(0)
    for (const item of json.items) {
      expect(typeof item.id).toBe('string')
      expect(item.url).toMatch(/^http/)
      expect(item.date_published).toMatch(/^\d{4}-/)
    }
    for (const title of DRAFT_TITLES) expect(body).not.toContain(title)
  })

  it('answers 404 for scopes that do not exist', async () => {
    expect((await feed('/feeds/topic/no-such-topic/rss.xml')).status).toBe(404)
    expect((await feed('/feeds/whatever/rss.xml')).status).toBe(404)
    expect((await feed('/feeds/rss.html')).status).toBe(404)
  })
})

describe('one read per scope after a change', () => {
  it('a topic’s three feeds and its page share one read, and the next change, revalidated or not, drops it', async () => {
    const { docs } = await payload.find({
      collection: 'scripts',
      where: {
        and: [{ _status: { equals: 'published' } }, { 'topics.slug': { equals: 'hunshi-xinban' } }],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const script = docs[0]
    expect(script).toBeDefined()
    const scope = { type: 'topic', slug: 'hunshi-xinban' } as const
    const first = await feedContent(scope)
    expect(await feedContent(scope)).toBe(first)
    expect(first?.items.map((item) => item.title)).toContain(script.title)

    // Every format of the scope says the same thing from that one read.
    for (const format of ['rss.xml', 'atom.xml', 'feed.json']) {
      expect((await feed(`/feeds/topic/hunshi-xinban/${format}`)).body).toContain(script.title)
    }

    // An edit through the API (revalidated) and one with revalidation off (seeding, imports)
    // both show at the next read.
    for (const [title, context] of [
      [`${script.title}（一改）`, {}],
      [`${script.title}（二改）`, { disableRevalidate: true }],
    ] as const) {
      await payload.update({
        collection: 'scripts',
        id: script.id,
        data: { title },
        overrideAccess: true,
        context,
      })
      const after = await feedContent(scope)
      expect(after).not.toBe(first)
      expect(after?.items.map((item) => item.title)).toContain(title)
      const page = await listAcrossKinds({ topic: 'hunshi-xinban' })
      expect(page.scripts.cards.map((card) => card.title)).toContain(title)
    }
  })
})
