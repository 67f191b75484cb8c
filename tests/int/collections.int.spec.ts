import { existsSync } from 'node:fs'
import path from 'node:path'

import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mediaDir } from '@/lib/paths'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { cuesToVtt } from '@/lib/vtt'

import {
  context,
  createOrgTree,
  jpeg,
  minimalPdf,
  rejectionText,
  scriptData,
  unique,
} from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let tree: Awaited<ReturnType<typeof createOrgTree>>

beforeAll(async () => {
  payload = await bootPayload()
  tree = await createOrgTree(payload)
})

afterAll(() => shutdownPayload(payload))

describe('orgs and topics', () => {
  it('builds the org tree with breadcrumbs and validates region codes', async () => {
    const station = await payload.findByID({ collection: 'orgs', id: tree.station.id, depth: 0 })
    expect(station.breadcrumbs?.map((crumb) => crumb.label)).toEqual([
      tree.center.name,
      tree.institute.name,
      tree.station.name,
    ])
    const renamed = await payload.update({
      collection: 'orgs',
      id: tree.station.id,
      data: { description: '村口老树下' },
      context,
    })
    expect(renamed.description).toBe('村口老树下')
    expect(
      await rejectionText(
        payload.create({
          collection: 'orgs',
          data: { name: '坏代码站', level: 'station', regionCode: '12ab' },
          context,
        }),
      ),
    ).toMatch(/行政区划代码/)
  })

  it('creates, reads and updates topics with a derived slug', async () => {
    const topic = await payload.create({
      collection: 'topics',
      data: { name: '移风易俗', parent: tree.topic.id },
      context,
    })
    expect(topic.slug).toBe('yi-feng-yi-su')
    const updated = await payload.update({
      collection: 'topics',
      id: topic.id,
      data: { description: '婚事新办' },
      context,
    })
    expect(updated.description).toBe('婚事新办')
    const read = await payload.findByID({ collection: 'topics', id: topic.id, depth: 0 })
    expect(read.parent).toBe(tree.topic.id)
  })
})

describe('users', () => {
  it('makes the first user an admin and later users lecturers; roles are admin-only', async () => {
    const first = await payload.create({
      collection: 'users',
      // No role given: the hook decides it.
      data: {
        email: `${unique('u')}@lanchuan.example`,
        password: 'first-pass-123',
        name: '首位用户',
      } as RequiredDataFromCollectionSlug<'users'>,
      context,
    })
    expect(first.role).toBe('admin')

    const editor = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('u')}@lanchuan.example`,
        password: 'editor-pass-123',
        name: '编辑',
        role: 'editor',
        org: tree.station.id,
      },
      context,
    })
    expect(editor.role).toBe('editor')

    const lecturer = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('u')}@lanchuan.example`,
        password: 'lect-pass-123',
        name: '宣讲员',
      } as RequiredDataFromCollectionSlug<'users'>,
      context,
    })
    expect(lecturer.role).toBe('lecturer')

    // An editor editing their own account cannot raise their role or move org.
    const self = await payload.update({
      collection: 'users',
      id: editor.id,
      data: { role: 'admin', org: tree.center.id, name: '改名的编辑' },
      user: editor,
      overrideAccess: false,
      context,
    })
    expect(self.name).toBe('改名的编辑')
    expect(self.role).toBe('editor')
    expect(typeof self.org === 'object' ? self.org?.id : self.org).toBe(tree.station.id)
  })
})

describe('uploads', () => {
  it('stores images with WebP thumbnail, card and hero sizes on disk', async () => {
    const data = await jpeg(2000, 1200)
    const image = await payload.create({
      collection: 'media',
      data: { alt: '杏花村村口' },
      file: { data, mimetype: 'image/jpeg', name: 'cunkou.jpg', size: data.length },
      context,
    })
    for (const size of ['thumbnail', 'card', 'hero'] as const) {
      const rendition = image.sizes?.[size]
      expect(rendition?.mimeType).toBe('image/webp')
      expect(existsSync(path.join(mediaDir('images'), rendition!.filename!))).toBe(true)
    }
    const updated = await payload.update({
      collection: 'media',
      id: image.id,
      data: { alt: '杏花村村口老杏树' },
      context,
    })
    expect(updated.alt).toBe('杏花村村口老杏树')
  })

  it('stores PDF documents', async () => {
    const data = minimalPdf()
    const file = await payload.create({
      collection: 'files',
      data: { title: '村史读本' },
      file: { data, mimetype: 'application/pdf', name: 'cunshi.pdf', size: data.length },
      context,
    })
    expect(file.mimeType).toBe('application/pdf')
    expect(existsSync(path.join(mediaDir('files'), file.filename!))).toBe(true)
    const read = await payload.findByID({ collection: 'files', id: file.id })
    expect(read.title).toBe('村史读本')
  })
})

describe('lecture scripts', () => {
  it('derives slug, word count, speaking time and publish date', async () => {
    const body = ['乡亲们好。'.repeat(100), '彩礼少一点，日子甜一点。'.repeat(40)]
    const script = await payload.create({
      collection: 'scripts',
      data: {
        ...scriptData(tree.station.id, '彩礼少一点'),
        body: paragraphsToLexical(body) as never,
        _status: 'published',
      },
      context,
    })
    expect(script.slug).toBe('cai-li-shao-yi-dian')
    expect(script.wordCount).toBe(4 * 100 + 10 * 40)
    expect(script.speakingMinutes).toBe(4)
    expect(script.publishedAt).toBeTruthy()

    const twin = await payload.create({
      collection: 'scripts',
      data: scriptData(tree.station.id, '彩礼少一点'),
      context,
    })
    expect(twin.slug).toBe('cai-li-shao-yi-dian-2')

    const updated = await payload.update({
      collection: 'scripts',
      id: script.id,
      data: { body: paragraphsToLexical(['短。']) as never, keyPoints: [{ point: '量力而行' }] },
      context,
    })
    expect(updated.wordCount).toBe(1)
    expect(updated.speakingMinutes).toBe(1)
    expect(updated.keyPoints?.[0]?.point).toBe('量力而行')
  })

  it('refuses a malformed slug with a Chinese message', async () => {
    expect(
      await rejectionText(
        payload.create({
          collection: 'scripts',
          data: { ...scriptData(tree.station.id, '坏链接'), slug: '坏 链接/../x' },
          context,
        }),
      ),
    ).toMatch(/链接标识/)
  })

  it('enforces slug uniqueness in the database too', async () => {
    const slug = unique('dup')
    await payload.create({
      collection: 'scripts',
      data: { ...scriptData(tree.station.id, '甲'), slug },
      context,
    })
    const second = await payload.create({
      collection: 'scripts',
      data: { ...scriptData(tree.station.id, '乙'), slug },
      context,
    })
    expect(second.slug).toBe(`${slug}-2`)
  })
})

describe('dialect videos', () => {
  it('derives transcript and duration from valid WebVTT', async () => {
    const video = await payload.create({
      collection: 'videos',
      data: {
        title: '老杨叔讲反诈',
        summary: '用岚川话讲防诈骗',
        org: tree.station.id,
        dialect: 'lanchuan',
        subtitles: cuesToVtt([
          { start: 0, end: 3, text: '乡亲们，莫慌' },
          { start: 3, end: 64.6, text: '「莫得」就是没有' },
        ]),
      },
      context,
    })
    expect(video.transcript).toBe('乡亲们，莫慌\n「莫得」就是没有')
    expect(video.durationSeconds).toBe(65)
  })

  it('refuses malformed subtitles with the line number and stores nothing', async () => {
    const before = await payload.count({ collection: 'videos' })
    expect(
      await rejectionText(
        payload.create({
          collection: 'videos',
          data: {
            title: '坏字幕',
            summary: '字幕时间轴写错了',
            org: tree.station.id,
            dialect: 'shimen',
            subtitles: 'WEBVTT\n\n1\n00:00:01.000 --> 不是时间\n文字\n',
          },
          context,
        }),
      ),
    ).toMatch(/字幕格式错误（第 \d+ 行）/)
    expect((await payload.count({ collection: 'videos' })).totalDocs).toBe(before.totalDocs)
  })
})

describe('textbooks and cases', () => {
  it('derives chapter anchors, word count and reading time for textbooks', async () => {
    const textbook = await payload.create({
      collection: 'textbooks',
      data: {
        title: '石门竹编',
        summary: '从一根竹子到一件器物',
        org: tree.institute.id,
        chapters: [
          { title: '选竹', body: paragraphsToLexical(['竹'.repeat(500)]) as never },
          { title: '劈篾', body: paragraphsToLexical(['篾'.repeat(300)]) as never },
        ],
      },
      context,
    })
    expect(textbook.chapters.map((chapter) => chapter.anchor)).toEqual([
      'ch-1-xuan-zhu',
      'ch-2-pi-mie',
    ])
    expect(textbook.wordCount).toBe(2 + 500 + 2 + 300)
    expect(textbook.readingMinutes).toBe(2)
  })

  it('stores the service loop, outcomes and gallery of a case', async () => {
    const data = await jpeg(800, 600)
    const photo = await payload.create({
      collection: 'media',
      data: { alt: '说事大院' },
      file: { data, mimetype: 'image/jpeg', name: 'dayuan.jpg', size: data.length },
      context,
    })
    const item = await payload.create({
      collection: 'cases',
      data: {
        title: '说事大院',
        summary: '有事来院里说',
        org: tree.station.id,
        loop: { order: '居民留言', dispatch: '站里分派', accept: '志愿者上门', review: '居民打分' },
        outcomes: { volunteers: 46, activities: 230, peopleServed: 3200, year: 2025 },
        body: paragraphsToLexical(['院子里摆上长条凳。']) as never,
        gallery: [{ image: photo.id, caption: '周三晚上' }],
      },
      context,
    })
    const read = await payload.findByID({ collection: 'cases', id: item.id, depth: 1, draft: true })
    expect(read.loop.dispatch).toBe('站里分派')
    expect(read.outcomes?.peopleServed).toBe(3200)
    const image = read.gallery?.[0]?.image
    expect(typeof image === 'object' ? image?.alt : null).toBe('说事大院')
    const updated = await payload.update({
      collection: 'cases',
      id: item.id,
      data: { outcomes: { ...read.outcomes, peopleServed: 3300 } },
      context,
    })
    expect(updated.outcomes?.peopleServed).toBe(3300)
  })
})

describe('site settings', () => {
  it('reads and updates the site global and validates embedding origins', async () => {
    const site = await payload.updateGlobal({
      slug: 'site',
      data: {
        name: '测试门户',
        icp: '岚ICP备1号',
        embedOrigins: [{ origin: 'https://media.example.cn' }],
      },
      context,
    })
    expect(site.embedOrigins?.[0]?.origin).toBe('https://media.example.cn')
    expect((await payload.findGlobal({ slug: 'site' })).name).toBe('测试门户')
    expect(
      await rejectionText(
        payload.updateGlobal({
          slug: 'site',
          data: { embedOrigins: [{ origin: 'javascript:alert(1)' }] },
          context,
        }),
      ),
    ).toMatch(/网址|http/)
  })
})
