/* eslint-disable no-control-regex -- the checks look for NUL on purpose */
import '../helpers/isolateEnvironment'

import { parseFeed } from '@rowanmanning/feed-parser'
import { strFromU8, unzipSync } from 'fflate'
import { NextRequest } from 'next/server'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GET as oembedApi } from '@/app/(embed)/api/oembed/route'
import { GET as feedRoute } from '@/app/(frontend)/feeds/[...path]/route'
import { GET as docxRoute } from '@/app/(frontend)/scripts/[slug]/script.docx/route'
import { GET as vttRoute } from '@/app/(frontend)/videos/[slug]/subtitles.vtt/route'
import { serverUrl } from '@/lib/serverUrl'
import { proxy } from '@/proxy'

import { context, createOrgTree, scriptData } from '../helpers/fixtures'
import { hostile, hostileBody, hostileMark, hostileSubtitles, stored } from '../helpers/hostile'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * Hostile content on both adapters: text fields stored clean, and every generated output that is
 * not a page (feeds of each scope, oEmbed, the Word file, the subtitle track) carries it as text.
 * Pages, widgets, search and the static copy are checked in a browser (tests/e2e/security).
 */
let payload: Payload
const mark = hostileMark()
const values = {
  org: hostile('站', mark),
  topic: hostile('题', mark, true),
  title: hostile('稿', mark),
  summary: hostile('摘要', mark),
  tag: hostile('签', mark),
  point: hostile('点', mark),
  video: hostile('视频', mark),
  // Cue text must be WebVTT: markup only as entities (raw tags are refused, see below).
  cue: `幕${mark}&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;]]&gt;"'\u202e\u0000末`,
}
let slugs: { org: string; topic: string; script: string; video: string }

async function get(
  handler: (request: Request, ctx: { params: Promise<never> }) => Promise<Response>,
  path: string,
  params: Record<string, unknown>,
) {
  const response = await handler(new Request(`http://localhost${path}`), {
    params: Promise.resolve(params as never),
  })
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) }
}

beforeAll(async () => {
  payload = await bootPayload()
  const { station, topic } = await createOrgTree(payload)
  await payload.update({ collection: 'orgs', id: station.id, data: { name: values.org }, context })
  await payload.update({
    collection: 'topics',
    id: topic.id,
    data: { name: values.topic },
    context,
  })
  const script = await payload.create({
    collection: 'scripts',
    data: {
      ...scriptData(station.id, values.title),
      slug: `${mark}-script`,
      summary: values.summary,
      topics: [topic.id],
      tags: [values.tag],
      keyPoints: [{ point: values.point }],
      body: hostileBody(values.title) as never,
      _status: 'published',
    },
    overrideAccess: true,
    context,
  })
  const video = await payload.create({
    collection: 'videos',
    data: {
      title: values.video,
      slug: `${mark}-video`,
      summary: values.summary,
      org: station.id,
      topics: [topic.id],
      dialect: 'lanchuan',
      subtitles: hostileSubtitles(values.cue),
      _status: 'published',
    },
    overrideAccess: true,
    context,
  })
  slugs = {
    org: station.slug as string,
    topic: topic.slug as string,
    script: script.slug as string,
    video: video.slug as string,
  }
}, 300_000)

afterAll(() => shutdownPayload(payload))

describe('hostile content', () => {
  it('is stored without NUL or bidi overrides in every text field', async () => {
    const { docs } = await payload.find({
      collection: 'scripts',
      where: { slug: { equals: slugs.script } },
      depth: 1,
      overrideAccess: true,
    })
    const [script] = docs
    expect(script.title).toBe(stored(values.title))
    expect(script.summary).toBe(stored(values.summary))
    expect(script.tags).toEqual([stored(values.tag)])
    expect(script.keyPoints?.[0]?.point).toBe(stored(values.point))
    expect((script.org as { name: string }).name).toBe(stored(values.org))
    expect(JSON.stringify(script)).not.toMatch(/\\u0000|\u0000|\u202e/)
  })

  it('reaches feeds of every scope and format only as escaped text', async () => {
    const scopes = [[], ['scripts'], ['videos'], ['topic', slugs.topic], ['org', slugs.org]]
    for (const scope of scopes) {
      for (const format of ['rss.xml', 'atom.xml', 'feed.json']) {
        const path = ['', 'feeds', ...scope, format].join('/')
        const { status, body } = await get(feedRoute, path, { path: [...scope, format] })
        const text = body.toString('utf8')
        expect(status, path).toBe(200)
        expect(text, path).toContain(mark)
        expect(text, path).not.toMatch(/[\u0000\u202e]/)
        if (format === 'feed.json') {
          const json = JSON.parse(text) as { items: Record<string, unknown>[] }
          const item = json.items.find((entry) => String(entry.title).includes(mark))!
          expect(item.content_html, path).toBeUndefined()
          expect(String(item.content_text), path).toBe(stored(values.summary))
          continue
        }
        expect(text, path).not.toMatch(/<img\b|<script\b/i)
        const feed = parseFeed(text)
        const item = feed.items.find((entry) => entry.title?.includes(mark))
        expect(item?.description, path).toBe(stored(values.summary))
      }
    }
  })

  it('gives oEmbed consumers one iframe whose title is escaped', async () => {
    const url = `${serverUrl()}/scripts/${slugs.script}`
    const response = await oembedApi(
      new NextRequest(`http://localhost/api/oembed?url=${encodeURIComponent(url)}`),
    )
    expect(response.status).toBe(200)
    const json = (await response.json()) as { title: string; html: string }
    expect(json.title).toBe(stored(values.title))
    expect(json.html).toMatch(/^<iframe [^<>]*><\/iframe>$/)
    expect(json.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(json.html).toContain('&quot;&#39;&gt;')
  })

  it('puts the text, not markup, into the Word file and the subtitle track', async () => {
    const docx = await get(docxRoute, `/scripts/${slugs.script}/script.docx`, {
      slug: slugs.script,
    })
    expect(docx.status).toBe(200)
    const xml = strFromU8(unzipSync(new Uint8Array(docx.body))['word/document.xml'])
    expect(xml).toContain(`${mark}&quot;&apos;&gt;&lt;img src=x onerror=alert(1)&gt;`)
    expect(xml).not.toMatch(/<img\b|<script\b/)

    const vtt = await get(vttRoute, `/videos/${slugs.video}/subtitles.vtt`, { slug: slugs.video })
    expect(vtt.status).toBe(200)
    const track = vtt.body.toString('utf8')
    expect(track).toMatch(/^WEBVTT/)
    expect(track).toContain(`${mark}&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;]]&gt;"'末`)
    expect(track).not.toMatch(/<img\b|<script\b|\u0000|\u202e/)
    // The transcript (shown on the page, in search and the export) reads the entities as text.
    const { docs } = await payload.find({
      collection: 'videos',
      where: { slug: { equals: slugs.video } },
      overrideAccess: true,
    })
    expect(docs[0].transcript).toBe(`幕${mark}</script><script>alert(2)</script>]]>"'末`)
  })

  it('refuses subtitles with raw tags with a Chinese message, and stores nothing', async () => {
    const before = await payload.count({ collection: 'videos', overrideAccess: true })
    for (const cue of ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '甲 & 乙']) {
      const attempt = payload.create({
        collection: 'videos',
        data: {
          title: `坏字幕${mark}`,
          summary: '不应保存',
          org: (await payload.find({ collection: 'orgs', limit: 1 })).docs[0].id,
          dialect: 'lanchuan',
          subtitles: hostileSubtitles(cue),
        },
        overrideAccess: true,
        context,
      })
      const error = (await attempt.then(
        () => null,
        (reason: unknown) => reason,
      )) as { data?: { errors?: { path: string; message: string }[] } } | null
      const [problem] = error?.data?.errors ?? []
      expect(problem?.path, cue).toBe('subtitles')
      // The parser's English never reaches the editor: a Chinese sentence with the line number.
      expect(problem?.message, cue).toMatch(/^字幕格式错误（第 \d+ 行）：/)
      expect(problem?.message, cue).not.toMatch(/[A-Za-z]{5,}/)
    }
    expect((await payload.count({ collection: 'videos', overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
  })
})

describe('content security policy from the proxy', () => {
  it('gives each request of a page rendered per request its own nonce, which Next.js reads', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 3; i += 1) {
      const response = await proxy(new NextRequest('http://localhost/scripts?page=51'))
      const policy = response.headers.get('content-security-policy') ?? ''
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
      expect(nonce).toBeTruthy()
      nonces.add(nonce!)
      // Next.js hands the request's policy to the render, which stamps the nonce on its scripts.
      expect(response.headers.get('x-middleware-request-content-security-policy')).toBe(policy)
      expect(response.headers.get('x-content-type-options')).toBeNull() // next.config headers()
    }
    expect(nonces.size).toBe(3)
    // A list page goes to its cached copy (src/lib/listCache.ts), whose headers are those of every
    // cached page; past the cached range it renders per request, with a nonce.
    const list = await proxy(new NextRequest('http://localhost/scripts?junk=1&format=bandeng'))
    expect(list.headers.get('x-middleware-rewrite')).toBe(
      `http://localhost/lists/scripts/${encodeURIComponent('format=bandeng')}`,
    )
    expect(list.headers.get('content-security-policy')).toBeNull()
    expect(list.headers.get('x-middleware-request-content-security-policy')).toBeNull()
    const deep = await proxy(new NextRequest('http://localhost/scripts?page=51'))
    expect(deep.headers.get('x-middleware-rewrite')).toBeNull()
    expect(deep.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    // So does a search, by its canonical query; in draft mode it renders per request.
    const search = await proxy(
      new NextRequest('http://localhost/search?page=1&q=%E5%B2%9A%E5%B7%9D'),
    )
    expect(search.headers.get('x-middleware-rewrite')).toBe(
      `http://localhost/lists/search/${encodeURIComponent('q=%E5%B2%9A%E5%B7%9D')}`,
    )
    expect(search.headers.get('content-security-policy')).toBeNull()
    const draftSearch = await proxy(
      new NextRequest('http://localhost/search?q=%E5%B2%9A%E5%B7%9D', {
        headers: { cookie: '__prerender_bypass=1' },
      }),
    )
    expect(draftSearch.headers.get('x-middleware-rewrite')).toBeNull()
    expect(draftSearch.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    const draftList = await proxy(
      new NextRequest('http://localhost/scripts?page=2', {
        headers: { cookie: '__prerender_bypass=1' },
      }),
    )
    expect(draftList.headers.get('x-middleware-rewrite')).toBeNull()
    expect(draftList.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
    const detail = await proxy(new NextRequest(`http://localhost/scripts/${slugs.script}`))
    expect(detail.headers.get('content-security-policy')).not.toContain('script-src')
    expect(detail.headers.get('x-middleware-request-content-security-policy')).toBeNull()
    const draft = await proxy(
      new NextRequest(`http://localhost/scripts/${slugs.script}`, {
        headers: { cookie: '__prerender_bypass=1' },
      }),
    )
    expect(draft.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/)
  })
})
