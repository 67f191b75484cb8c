import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { cuesToVtt, type Cue } from '@/lib/vtt'
import { idOf } from '@/lib/ids'
import { maskPhone, type OrderableKind } from '@/lib/orders/submission'
import { newOrderNumber, newTrackingToken } from '@/lib/orders/token'

import { cases } from './content/cases'
import { DEMO_PASSWORD, orgs, site, topics, users } from './content/county'
import { lecturers } from './content/lecturers'
import { orders as demoOrders } from './content/orders'
import { scripts } from './content/scripts'
import { textbooks } from './content/textbooks'
import type { SeedResourceBase } from './content/types'
import { videos } from './content/videos'
import { generateIllustration } from './images'
import {
  generateDemoVideo,
  generateTextbookPdf,
  popplerAvailable,
  type DemoVideoOptions,
} from './media'

/** Seeding never revalidates pages: it runs outside Next.js and before any page exists. */
const context = { disableRevalidate: true }

export type SeedReport = Record<
  | 'orgs'
  | 'topics'
  | 'users'
  | 'lecturers'
  | 'orders'
  | 'media'
  | 'videoFiles'
  | 'subtitleFiles'
  | 'files'
  | ResourceKind,
  number
>

/** Seed videos that get a generated clip, with how it is made. */
const DEMO_CLIPS: Record<
  string,
  Omit<DemoVideoOptions, 'seconds'> & { subtitleFormat: 'vtt' | 'srt' }
> = {
  'v-fangzha-hewan': {
    container: 'mp4',
    pattern: 'testsrc',
    frequency: 220,
    subtitleFormat: 'srt',
  },
  'v-caili-xinghua': {
    container: 'webm',
    pattern: 'smptebars',
    frequency: 180,
    subtitleFormat: 'vtt',
  },
}
/** The seed textbook that also comes as a generated PDF (its cover is the PDF's first page). */
const DEMO_PDF_TEXTBOOK = 't-xinghua-cunshi'

function cuesToSrt(cues: readonly Cue[]): string {
  return cuesToVtt(cues)
    .replace(/^WEBVTT\n\n/, '')
    .replace(/(\d{2}:\d{2}:\d{2})\.(\d{3})/g, '$1,$2')
}

type Progress = (message: string) => void

type SeedTextbookChapters = { title: string; paragraphs: readonly string[] }[]

const DAY = 24 * 60 * 60 * 1000

/**
 * Creates the demo county. Idempotent: anything that already exists (matched by slug, email
 * or file name) is left as it is, so running it twice leaves the same counts.
 */
export async function seedDemoCounty(
  payload: Payload,
  { log = () => {}, now = new Date() }: { log?: Progress; now?: Date } = {},
): Promise<SeedReport> {
  const report: SeedReport = {
    orgs: 0,
    topics: 0,
    users: 0,
    lecturers: 0,
    orders: 0,
    media: 0,
    videoFiles: 0,
    subtitleFiles: 0,
    files: 0,
    scripts: 0,
    videos: 0,
    textbooks: 0,
    cases: 0,
  }

  async function findIdBy(collection: CollectionSlug, field: string, value: string) {
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
    })
    return docs[0]?.id as number | string | undefined
  }

  const orgIds = new Map<string, number | string>()
  for (const [index, org] of orgs.entries()) {
    let id = await findIdBy('orgs', 'slug', org.slug)
    if (!id) {
      const created = await payload.create({
        collection: 'orgs',
        data: {
          name: org.name,
          slug: org.slug,
          level: org.level,
          regionCode: org.regionCode,
          description: org.description,
          parent: org.parent ? orgIds.get(org.parent) : undefined,
        } as RequiredDataFromCollectionSlug<'orgs'>,
        overrideAccess: true,
        context,
      })
      id = created.id
      report.orgs++
    }
    orgIds.set(org.slug, id)
    log(`组织 ${index + 1}/${orgs.length} ${org.name}`)
  }

  const topicIds = new Map<string, number | string>()
  for (const [index, topic] of topics.entries()) {
    let id = await findIdBy('topics', 'slug', topic.slug)
    if (!id) {
      const created = await payload.create({
        collection: 'topics',
        data: {
          name: topic.name,
          slug: topic.slug,
          description: topic.description,
          order: index,
          parent: topic.parent ? topicIds.get(topic.parent) : undefined,
        } as RequiredDataFromCollectionSlug<'topics'>,
        overrideAccess: true,
        context,
      })
      id = created.id
      report.topics++
    }
    topicIds.set(topic.slug, id)
  }
  log(`主题 ${topics.length} 个`)

  for (const user of users) {
    if (await findIdBy('users', 'email', user.email)) continue
    await payload.create({
      collection: 'users',
      data: {
        email: user.email,
        password: DEMO_PASSWORD,
        name: user.name,
        role: user.role,
        org: orgIds.get(user.org),
      } as RequiredDataFromCollectionSlug<'users'>,
      overrideAccess: true,
      context,
    })
    report.users++
  }
  log(`用户 ${users.length} 个`)

  for (const lecturer of lecturers) {
    if (await findIdBy('lecturers', 'slug', lecturer.slug)) continue
    await payload.create({
      collection: 'lecturers',
      data: {
        displayName: lecturer.displayName,
        slug: lecturer.slug,
        kind: lecturer.kind,
        team: lecturer.team,
        org: orgIds.get(lecturer.org),
        dialects: lecturer.dialects,
        topics: lecturer.topics.map((slug) => topicIds.get(slug)),
        bio: lecturer.bio,
        account: lecturer.account ? await findIdBy('users', 'email', lecturer.account) : undefined,
        publishedAt: new Date(now.getTime() - 30 * DAY).toISOString(),
        _status: 'published',
      } as RequiredDataFromCollectionSlug<'lecturers'>,
      overrideAccess: true,
      context,
    })
    report.lecturers++
  }
  log(`宣讲员与宣讲团 ${lecturers.length} 个`)

  async function image(key: string, alt: string): Promise<number | string> {
    const filename = `seed-${key}.jpg`
    const existing = await findIdBy('media', 'filename', filename)
    if (existing) return existing
    const data = await generateIllustration(key)
    const created = await payload.create({
      collection: 'media',
      data: { alt },
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
      overrideAccess: true,
      context,
    })
    report.media++
    return created.id
  }

  async function videoFile(slug: string, cues: readonly Cue[]) {
    const clip = DEMO_CLIPS[slug]
    if (!clip) return {}
    const fields: Record<string, unknown> = {}
    const trackName = `seed-${slug}.${clip.subtitleFormat}`
    const trackId =
      (await findIdBy('subtitle-files', 'filename', `seed-${slug}.vtt`)) ??
      (await payload
        .create({
          collection: 'subtitle-files',
          data: {},
          file: (() => {
            const text = Buffer.from(
              clip.subtitleFormat === 'srt' ? cuesToSrt(cues) : cuesToVtt(cues),
            )
            return { data: text, mimetype: 'text/plain', name: trackName, size: text.length }
          })(),
          overrideAccess: true,
          context,
        })
        .then((doc) => {
          report.subtitleFiles++
          return doc.id
        }))
    fields.subtitleFile = trackId
    const filename = `seed-${slug}.${clip.container}`
    let fileId = await findIdBy('video-files', 'filename', filename)
    if (!fileId) {
      const seconds = Math.ceil(cues.at(-1)?.end ?? 10) + 1
      const data = await generateDemoVideo({ ...clip, seconds })
      if (!data) {
        log(`未安装 ffmpeg（Debian 软件包 ffmpeg），跳过演示视频文件：${filename}`)
        return fields
      }
      const created = await payload.create({
        collection: 'video-files',
        data: {},
        file: { data, mimetype: `video/${clip.container}`, name: filename, size: data.length },
        overrideAccess: true,
        context,
      })
      report.videoFiles++
      fileId = created.id
    }
    fields.videoFile = fileId
    return fields
  }

  async function textbookPdf(slug: string, title: string, chapters: SeedTextbookChapters) {
    if (slug !== DEMO_PDF_TEXTBOOK) return null
    const filename = `seed-${slug}.pdf`
    const existing = await findIdBy('files', 'filename', filename)
    if (existing) return existing
    if (!(await popplerAvailable())) {
      log(`未安装 poppler-utils（Debian 软件包 poppler-utils），跳过演示 PDF：${filename}`)
      return null
    }
    const data = generateTextbookPdf(title, '岚川县乡土教材', chapters)
    const created = await payload.create({
      collection: 'files',
      data: { title: `${title}（PDF）` },
      file: { data, mimetype: 'application/pdf', name: filename, size: data.length },
      overrideAccess: true,
      context,
    })
    report.files++
    return created.id
  }

  const total = scripts.length + videos.length + textbooks.length + cases.length
  let done = 0

  async function upsertResource(
    kind: ResourceKind,
    item: SeedResourceBase,
    fields: Record<string, unknown>,
    { withCover = true }: { withCover?: boolean } = {},
  ): Promise<void> {
    done++
    const existing = await findIdBy(kind, 'slug', item.slug)
    if (existing) {
      log(`资源 ${done}/${total} 已存在，跳过：${item.title}`)
      return
    }
    const status = item.draft ? 'draft' : 'published'
    await payload.create({
      collection: kind,
      draft: Boolean(item.draft),
      data: {
        title: item.title,
        slug: item.slug,
        summary: item.summary,
        topics: item.topics.map((slug) => topicIds.get(slug)).filter(Boolean),
        org: orgIds.get(item.org),
        tags: item.tags,
        publishedAt: item.draft
          ? undefined
          : new Date(now.getTime() - item.publishedDaysAgo * DAY).toISOString(),
        cover: withCover
          ? await image(`${kind}-${item.slug}`, `${item.title}（示意插图）`)
          : undefined,
        _status: status,
        reviewState: item.draft ? (item.review?.state ?? 'draft') : 'published',
        reviewComment: item.review?.comment,
        ...fields,
      } as RequiredDataFromCollectionSlug<typeof kind>,
      overrideAccess: true,
      context,
    })
    report[kind]++
    log(`资源 ${done}/${total} ${status === 'draft' ? '草稿' : '已发布'}：${item.title}`)
  }

  for (const script of scripts) {
    await upsertResource('scripts', script, {
      format: script.format,
      audience: script.audience,
      durationMinutes: script.durationMinutes,
      dialect: script.dialect,
      keyPoints: script.keyPoints.map((point) => ({ point })),
      body: paragraphsToLexical(script.body),
    })
  }
  for (const video of videos) {
    await upsertResource('videos', video, {
      dialect: video.dialect,
      description: video.description,
      subtitles: cuesToVtt(video.cues),
      poster: await image(`poster-${video.slug}`, `${video.title}视频封面`),
      ...(await videoFile(video.slug, video.cues)),
    })
  }
  for (const textbook of textbooks) {
    const pdf = await textbookPdf(
      textbook.slug,
      textbook.title,
      textbook.chapters.map((chapter) => ({ title: chapter.title, paragraphs: chapter.body })),
    )
    await upsertResource(
      'textbooks',
      textbook,
      {
        audience: textbook.audience,
        chapters: textbook.chapters.map((chapter) => ({
          title: chapter.title,
          body: paragraphsToLexical(chapter.body),
        })),
        pdf: pdf ?? undefined,
      },
      { withCover: !pdf },
    )
  }
  for (const item of cases) {
    const gallery = []
    for (const [index, caption] of item.gallery.entries()) {
      gallery.push({ image: await image(`${item.slug}-photo-${index + 1}`, caption), caption })
    }
    await upsertResource('cases', item, {
      loop: item.loop,
      outcomes: item.outcomes,
      body: paragraphsToLexical(item.body),
      gallery,
    })
  }

  await linkRelated(payload)
  await linkSpeakers(payload)
  report.orders = await seedOrders(payload, orgIds, now)
  log(`点单 ${report.orders} 张`)

  await payload.updateGlobal({ slug: 'site', data: site, overrideAccess: true, context })
  log('站点设置已更新')
  return report
}

/**
 * The demo county's 点单 (only into a county without any): created as residents would, then taken
 * as far as each got, by the system. The first dispatch is dated as it happened, for the figures.
 */
async function seedOrders(
  payload: Payload,
  orgIds: Map<string, number | string>,
  now: Date,
): Promise<number> {
  if ((await payload.count({ collection: 'orders', overrideAccess: true })).totalDocs > 0) return 0
  const quiet = { ...context, disableNotifications: true }
  const system = { overrideAccess: true, context: quiet, depth: 0 } as const
  for (const [index, item] of demoOrders.entries()) {
    const created = new Date(now.getTime() - item.daysAgo * DAY)
    const resource = item.resource?.split('/') as [OrderableKind, string] | undefined
    const resourceDoc = resource
      ? (
          await payload.find({
            collection: resource[0],
            where: { slug: { equals: resource[1] } },
            limit: 1,
            ...system,
          })
        ).docs[0]
      : undefined
    const order = await payload.create({
      collection: 'orders',
      data: {
        number: newOrderNumber(created.toISOString().slice(0, 10)),
        requesterName: item.name,
        phone: `1390000${String(index + 1).padStart(4, '0')}`,
        phoneMasked: maskPhone(`1390000${String(index + 1).padStart(4, '0')}`),
        org: orgIds.get(item.village),
        resource: resourceDoc ? { relationTo: resource![0], value: resourceDoc.id } : null,
        resourceKey: resourceDoc ? `${resource![0]}/${String(resourceDoc.id)}` : null,
        subject: item.subject ?? null,
        preferredDates: [new Date(created.getTime() + 7 * DAY).toISOString().slice(0, 10)],
        audienceType: item.audienceType,
        audienceSize: item.audienceSize,
        trackingTokenHash: newTrackingToken().hash,
        createdAt: created.toISOString(),
      } as RequiredDataFromCollectionSlug<'orders'>,
      ...system,
    })
    if (!item.lecturer || !item.outcome) continue
    const profile = (
      await payload.find({
        collection: 'lecturers',
        where: { slug: { equals: item.lecturer } },
        limit: 1,
        ...system,
      })
    ).docs[0]
    if (!profile) continue
    const dispatchedAt = new Date(created.getTime() + (item.dispatchAfterDays ?? 1) * DAY)
    const step = (data: Record<string, unknown>) =>
      payload.update({ collection: 'orders', id: order.id, data, ...system })
    await step({
      status: 'dispatched',
      assignee: profile.id,
      scheduledAt: new Date(dispatchedAt.getTime() + 3 * DAY).toISOString(),
      place: item.place ?? '村文化礼堂',
    })
    await step({ dispatchedAt: dispatchedAt.toISOString() })
    if (item.outcome === 'dispatched') continue
    if (item.outcome === 'declined') {
      // A lecturer's decline is theirs to make: recorded as the team's account would.
      const account = idOf(profile.account)
      const user = account
        ? await payload.findByID({ collection: 'users', id: account, ...system })
        : null
      if (user) {
        await payload.update({
          collection: 'orders',
          id: order.id,
          data: { status: 'pending', reason: '茶季正忙，那几天抽不开身' },
          user,
          overrideAccess: false,
          context: quiet,
        })
      }
      continue
    }
    await step({ status: 'accepted' })
    if (item.outcome === 'accepted') continue
    await step({ status: 'completed' })
    if (item.outcome === 'completed') continue
    await step({
      status: 'rated',
      rating: item.rating ?? 5,
      ratingComment: item.comment ?? null,
      commentReview: item.comment ? 'approved' : null,
    })
  }
  return demoOrders.length
}

/** Names the demo lecturers as 主讲 of the talks they give (only where none is set yet). */
async function linkSpeakers(payload: Payload): Promise<void> {
  for (const lecturer of lecturers) {
    const { docs } = await payload.find({
      collection: 'lecturers',
      where: { slug: { equals: lecturer.slug } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const profile = docs[0]
    if (!profile) continue
    for (const talk of lecturer.talks) {
      const [kind, slug] = talk.split('/') as [OrderableKind, string]
      const found = await payload.find({
        collection: kind,
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 0,
        draft: true,
        overrideAccess: true,
      })
      const doc = found.docs[0] as
        { id: number | string; speakers?: unknown[] | null; _status?: string | null } | undefined
      if (!doc || (doc.speakers ?? []).length > 0) continue
      await payload.update({
        collection: kind,
        id: doc.id,
        data: { speakers: [profile.id], _status: doc._status ?? 'draft' } as never,
        draft: doc._status !== 'published',
        overrideAccess: true,
        context,
      })
    }
  }
}

/**
 * Links each published script to a resource of each other kind that shares its first topic,
 * so detail pages show related material. Only fills empty `related` fields.
 */
async function linkRelated(payload: Payload): Promise<void> {
  const { docs: scriptDocs } = await payload.find({
    collection: 'scripts',
    where: { _status: { equals: 'published' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const script of scriptDocs) {
    if (script.related?.length) continue
    const topic = script.topics?.[0]
    if (!topic) continue
    const related: { relationTo: Exclude<ResourceKind, 'scripts'>; value: number }[] = []
    for (const kind of RESOURCE_KINDS) {
      if (kind === 'scripts') continue
      const { docs } = await payload.find({
        collection: kind,
        where: { and: [{ topics: { in: [topic] } }, { _status: { equals: 'published' } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      if (docs[0]) related.push({ relationTo: kind, value: docs[0].id as number })
    }
    if (related.length === 0) continue
    await payload.update({
      collection: 'scripts',
      id: script.id,
      data: { related },
      overrideAccess: true,
      context,
    })
  }
}
