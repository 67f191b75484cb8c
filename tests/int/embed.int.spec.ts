import '../helpers/isolateEnvironment'

import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET as oembedApi } from '@/app/(embed)/api/oembed/route'
import { GET as restGet } from '@/app/(payload)/api/[...slug]/route'
import { GET as oembedFile } from '@/app/(embed)/oembed/[kind]/[file]/route'
import { getEmbedResource, listEmbedCards } from '@/data/embed'
import { MAX_DIMENSION } from '@/lib/embed/oembed'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { serverUrl } from '@/lib/serverUrl'
import { proxy } from '@/proxy'
import { seedDemoCounty } from '@/seed/seed'

import { draftDemo, publishedDemo } from '../helpers/demo'
import { context } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
const SITE = serverUrl()
const DRAFT_TITLES = RESOURCE_KINDS.flatMap((kind) => draftDemo(kind).map((item) => item.title))
/** A published script that also has a newer, unpublished revision. */
let revised: { id: number | string; slug: string; title: string }
const PENDING_TITLE = '尚未发布的修改标题'

async function oembed(query: Record<string, string>) {
  const response = await oembedApi(
    new Request(`${SITE}/api/oembed?${new URLSearchParams(query).toString()}`),
  )
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    cors: response.headers.get('access-control-allow-origin'),
    body: (await response.json()) as Record<string, unknown>,
  }
}

async function rest(path: string) {
  const url = new URL(`http://localhost/api/${path}`)
  const response = await REST_GET(config)(new Request(url), {
    params: Promise.resolve({ slug: url.pathname.replace('/api/', '').split('/') }),
  })
  return { status: response.status, text: await response.text() }
}

beforeAll(async () => {
  payload = await bootPayload()
  await seedDemoCounty(payload)
  const script = publishedDemo('scripts')[0]
  const { docs } = await payload.find({
    collection: 'scripts',
    where: { slug: { equals: script.slug } },
    limit: 1,
  })
  revised = { id: docs[0].id, slug: script.slug, title: script.title }
  await payload.update({
    collection: 'scripts',
    id: revised.id,
    draft: true,
    data: { title: PENDING_TITLE },
    context,
  })
}, 300_000)

afterAll(() => shutdownPayload(payload))

describe('oEmbed provider', () => {
  it('answers for every kind per oEmbed 1.0: type, version, html, size, title, author, provider, thumbnail', async () => {
    for (const kind of RESOURCE_KINDS) {
      const item = publishedDemo(kind)[0]
      const url = `${SITE}/${kind}/${item.slug}`
      const { status, type, cors, body } = await oembed({ url, format: 'json' })
      expect(status, url).toBe(200)
      expect(type).toContain('application/json')
      expect(cors).toBe('*')
      expect(body.type).toBe(kind === 'videos' ? 'video' : 'rich')
      expect(body.version).toBe('1.0')
      expect(body.title).toBe(
        kind === 'scripts' && item.slug === revised.slug ? revised.title : item.title,
      )
      expect(body.provider_name).toBe('岚川县文明实践资源库')
      expect(body.provider_url).toBe(`${SITE}/`)
      expect(typeof body.author_name).toBe('string')
      expect((body.author_name as string).length).toBeGreaterThan(0)
      expect(body.cache_age).toBeGreaterThan(0)
      expect(Number.isInteger(body.width) && Number.isInteger(body.height)).toBe(true)
      // Rich and video responses must carry html, width and height (§2.3.4.3, §2.3.4.4).
      const html = body.html as string
      expect(html).toMatch(
        new RegExp(
          `^<iframe src="${SITE}/embed/${kind}/${item.slug}" width="${body.width}" height="${body.height}" title="[^"]+"`,
        ),
      )
      expect(html).not.toContain('<script')
      // The thumbnail fields come together or not at all.
      const thumbnail = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter(
        (key) => key in body,
      )
      expect([0, 3]).toContain(thumbnail.length)
      expect(thumbnail).toHaveLength(3) // every demo resource has a cover or poster
      expect(body.thumbnail_url).toMatch(new RegExp(`^${SITE}/api/media/file/`))
      // The path-style JSON (discovery, static export) says the same at default size.
      const file = await oembedFile(new Request(`${SITE}/oembed/${kind}/${item.slug}.json`), {
        params: Promise.resolve({ kind, file: `${item.slug}.json` }),
      })
      expect(file.status).toBe(200)
      expect(await file.json()).toEqual(body)
    }
  })

  it('respects maxwidth and maxheight, including for thumbnails, and clamps huge values', async () => {
    for (const kind of ['scripts', 'videos'] as ResourceKind[]) {
      const url = `${SITE}/${kind}/${publishedDemo(kind)[0].slug}`
      for (const [maxwidth, maxheight] of [
        [300, 200],
        [200, 1000],
        [1000, 120],
        [50, 50],
      ]) {
        const { status, body } = await oembed({
          url,
          maxwidth: String(maxwidth),
          maxheight: String(maxheight),
        })
        expect(status).toBe(200)
        expect(body.width as number).toBeLessThanOrEqual(maxwidth)
        expect(body.height as number).toBeLessThanOrEqual(maxheight)
        expect(body.html).toContain(`width="${body.width}" height="${body.height}"`)
        if ('thumbnail_url' in body) {
          expect(body.thumbnail_width as number).toBeLessThanOrEqual(maxwidth)
          expect(body.thumbnail_height as number).toBeLessThanOrEqual(maxheight)
        }
      }
      const plain = await oembed({ url })
      for (const huge of [
        '99999999999999999999',
        String(MAX_DIMENSION * 10),
        '1e400',
        'NaN',
        '-3',
      ]) {
        const { status, body } = await oembed({ url, maxwidth: huge, maxheight: huge })
        expect(status, huge).toBe(200)
        expect([body.width, body.height]).toEqual([plain.body.width, plain.body.height])
        expect(body.width as number).toBeLessThanOrEqual(MAX_DIMENSION)
      }
    }
  })

  it('says 404 for foreign, unknown and unpublished URLs, 400 for bad ones, 501 for XML', async () => {
    const script = publishedDemo('scripts')[0]
    const cases: [Record<string, string>, number][] = [
      [{ url: `https://www.example.com/scripts/${script.slug}` }, 404],
      [{ url: `http://localhost:3001/scripts/${script.slug}` }, 404],
      [{ url: `${SITE}/scripts/no-such-script` }, 404],
      [{ url: `${SITE}/topics/yifeng-yisu` }, 404],
      [{ url: `${SITE}/admin/collections/scripts` }, 404],
      ...RESOURCE_KINDS.flatMap((kind) =>
        draftDemo(kind).map(
          (draft) =>
            [{ url: `${SITE}/${kind}/${draft.slug}` }, 404] as [Record<string, string>, number],
        ),
      ),
      [{}, 400],
      [{ url: '' }, 400],
      [{ url: '不是网址' }, 400],
      [{ url: 'javascript:alert(1)' }, 400],
      [{ url: `${SITE}/scripts/${script.slug}`, format: 'xml' }, 501],
      [{ url: `${SITE}/scripts/${script.slug}`, format: 'yaml' }, 501],
    ]
    for (const [query, expected] of cases) {
      const { status, body } = await oembed(query)
      expect(status, JSON.stringify(query)).toBe(expected)
      expect(body.error as string).toMatch(/[\u4e00-\u9fa5]/)
      expect(JSON.stringify(body)).not.toContain('<iframe')
    }
    const draft = draftDemo('videos')[0]
    const file = await oembedFile(new Request(`${SITE}/oembed/videos/${draft.slug}.json`), {
      params: Promise.resolve({ kind: 'videos', file: `${draft.slug}.json` }),
    })
    expect(file.status).toBe(404)
  })
})

describe('widgets', () => {
  it('never list drafts or unpublished revisions, in any scope', async () => {
    const scopes = [
      ...RESOURCE_KINDS.map((kind) => ({ type: 'kind' as const, kind })),
      { type: 'topic' as const, slug: 'yifeng-yisu' },
      { type: 'topic' as const, slug: 'hunshi-xinban' },
      { type: 'org' as const, slug: 'lanchuan' },
      { type: 'org' as const, slug: 'liuxi' },
    ]
    for (const scope of scopes) {
      const list = await listEmbedCards(scope)
      expect(list, JSON.stringify(scope)).not.toBeNull()
      expect(list!.cards.length).toBeGreaterThan(0)
      expect(list!.cards.length).toBeLessThanOrEqual(12)
      const text = JSON.stringify(list)
      for (const title of DRAFT_TITLES) expect(text).not.toContain(title)
      expect(text).not.toContain(PENDING_TITLE)
    }
    const county = await listEmbedCards({ type: 'org', slug: 'lanchuan' })
    const dates = county!.cards.map((card) => card.publishedAt ?? '')
    expect([...dates].sort().reverse()).toEqual(dates)
    for (const kind of RESOURCE_KINDS) {
      for (const draft of draftDemo(kind))
        expect(await getEmbedResource(kind, draft.slug)).toBeNull()
    }
    const shown = await getEmbedResource('scripts', revised.slug)
    expect(shown?.card.title).toBe(revised.title)
    const video = await getEmbedResource('videos', publishedDemo('videos')[0].slug)
    expect(video?.video?.subtitlesUrl).toMatch(/\/subtitles\.vtt$/)
    expect(await listEmbedCards({ type: 'topic', slug: 'no-such-topic' })).toBeNull()
  })

  it('apply format, dialect and kind filters, and ignore bad values', async () => {
    const bandeng = await listEmbedCards({ type: 'kind', kind: 'scripts' }, { format: 'bandeng' })
    expect(bandeng!.cards.length).toBeGreaterThan(0)
    expect(new Set(bandeng!.cards.map((card) => card.facts[0]))).toEqual(new Set(['板凳课堂']))
    const all = await listEmbedCards({ type: 'kind', kind: 'scripts' })
    const bogus = await listEmbedCards(
      { type: 'kind', kind: 'scripts' },
      { format: '<x>', dialect: ['', 'zz'] },
    )
    expect(bogus!.cards.map((card) => card.slug)).toEqual(all!.cards.map((card) => card.slug))
    const onlyVideos = await listEmbedCards({ type: 'org', slug: 'lanchuan' }, { kind: 'videos' })
    expect(new Set(onlyVideos!.cards.map((card) => card.kind))).toEqual(new Set(['videos']))
    const formatInOrg = await listEmbedCards(
      { type: 'org', slug: 'lanchuan' },
      { format: 'bandeng' },
    )
    expect(new Set(formatInOrg!.cards.map((card) => card.kind))).toEqual(new Set(['scripts']))
  })
})

describe('partner read API', () => {
  const request = (
    path: string,
    init: { headers?: Record<string, string>; method?: string } = {},
  ) =>
    new NextRequest(`http://localhost${path}`, {
      method: init.method ?? 'GET',
      headers: { 'x-forwarded-for': '198.51.100.7', ...init.headers },
    })

  it('anonymous REST reads return published documents only, even with draft=true', async () => {
    for (const kind of RESOURCE_KINDS) {
      const { status, text } = await rest(`${kind}?draft=true&limit=100&depth=0`)
      expect(status).toBe(200)
      const docs = JSON.parse(text).docs as { _status: string; title: string }[]
      expect(docs.length).toBeGreaterThan(0)
      for (const doc of docs) expect(doc._status).toBe('published')
      for (const title of DRAFT_TITLES) expect(text).not.toContain(title)
      expect(text).not.toContain(PENDING_TITLE)
    }
    const byId = await rest(`scripts/${revised.id}?draft=true`)
    expect(byId.text).not.toContain(PENDING_TITLE)
    expect((await rest('users')).status).toBe(403)
    const write = await REST_POST(config)(
      new Request('http://localhost/api/scripts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: '匿名写入' }),
      }),
      { params: Promise.resolve({ slug: ['scripts'] }) },
    )
    expect(write.status).toBe(403)
  })

  it('the proxy drops draft=true for anonymous callers and adds CORS for any origin, no credentials', async () => {
    const response = await proxy(
      request('/api/scripts?draft=true&limit=5', { headers: { Origin: 'https://rmt.example' } }),
    )
    const rewrite = response.headers.get('x-middleware-rewrite')
    expect(rewrite).toBeTruthy()
    expect(new URL(rewrite!).searchParams.has('draft')).toBe(false)
    expect(new URL(rewrite!).searchParams.get('limit')).toBe('5')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    const plain = await proxy(request('/api/topics'))
    expect(plain.headers.get('x-middleware-next')).toBe('1')
    expect(plain.headers.get('access-control-allow-origin')).toBe('*')
    // Not a public read route: untouched (Payload's access control answers).
    const users = await proxy(request('/api/users'))
    expect(users.headers.get('access-control-allow-origin')).toBeNull()
    // Staff keep drafts (the admin needs them) and are not rewritten.
    const { token } = await payload.login({
      collection: 'users',
      data: { email: 'admin@lanchuan.example', password: 'lanchuan2026' },
    })
    const staff = await proxy(
      request('/api/scripts?draft=true', { headers: { Authorization: `JWT ${token}` } }),
    )
    expect(staff.headers.get('x-middleware-rewrite')).toBeNull()
  })

  it('rate-limits anonymous reads per address with a Chinese 429 and Retry-After; staff are exempt', async () => {
    const previous = process.env.PUBLIC_API_RATE_LIMIT
    process.env.PUBLIC_API_RATE_LIMIT = '3'
    // The limit counts in fixed one-minute windows: the hits below must fall in one of them (on a
    // slow Mongo-wire server they take several seconds), so start with at least 40 s left in it.
    const left = 60_000 - (Date.now() % 60_000)
    if (left < 40_000) await new Promise((resolve) => setTimeout(resolve, left + 50))
    try {
      // Through the real routes (REST and oEmbed), which count in the database every server shares.
      const from = (ip: string, path = '/api/scripts', headers: Record<string, string> = {}) => {
        const url = new URL(`http://localhost${path}`)
        const init = { headers: { 'x-forwarded-for': ip, ...headers } }
        if (url.pathname === '/api/oembed') return oembedApi(new Request(url, init))
        return restGet(new Request(url, init), {
          params: Promise.resolve({ slug: url.pathname.replace('/api/', '').split('/') }),
        })
      }
      const first = await from('203.0.113.9')
      expect(first.status).toBe(200)
      expect(first.headers.get('x-ratelimit-limit')).toBe('3')
      expect(first.headers.get('x-ratelimit-remaining')).toBe('2')
      expect((await first.json()).docs.length).toBeGreaterThan(0)
      expect((await from('203.0.113.9', '/api/topics')).status).toBe(200)
      expect((await from('203.0.113.9', '/api/orgs')).status).toBe(200)
      const limited = await from('203.0.113.9', '/api/videos')
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
      expect(limited.headers.get('access-control-allow-origin')).toBe('*')
      const body = await limited.json()
      expect(body.errors[0].message).toMatch(/请求过于频繁/)
      // oEmbed counts against the same limit.
      const embedLimited = await from(
        '203.0.113.9',
        `/api/oembed?url=${encodeURIComponent(`${SITE}/scripts/${revised.slug}`)}`,
      )
      expect(embedLimited.status).toBe(429)
      // Other addresses, uploaded files and signed-in staff are not affected.
      expect((await from('203.0.113.10')).status).toBe(200)
      expect((await from('203.0.113.9', '/api/media/file/x.webp')).status).not.toBe(429)
      const { token } = await payload.login({
        collection: 'users',
        data: { email: 'reviewer@lanchuan.example', password: 'lanchuan2026' },
      })
      for (let i = 0; i < 5; i++) {
        expect(
          (await from('203.0.113.9', '/api/scripts', { Cookie: `payload-token=${token}` })).status,
        ).toBe(200)
      }
      // A forged token does not buy an exemption.
      const forged = `${token!.split('.').slice(0, 2).join('.')}.AAAA`
      expect(
        (await from('203.0.113.9', '/api/scripts', { Authorization: `JWT ${forged}` })).status,
      ).toBe(429)
    } finally {
      if (previous === undefined) delete process.env.PUBLIC_API_RATE_LIMIT
      else process.env.PUBLIC_API_RATE_LIMIT = previous
    }
  })
})
