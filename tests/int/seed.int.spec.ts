import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RESOURCE_KINDS } from '@/lib/kinds'
import { seedDemoCounty } from '@/seed/seed'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

const COLLECTIONS = [
  'orgs',
  'topics',
  'users',
  'media',
  'files',
  'video-files',
  'subtitle-files',
  ...RESOURCE_KINDS,
] as const

async function counts() {
  const entries = await Promise.all(
    COLLECTIONS.map(
      async (collection) => [collection, (await payload.count({ collection })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

describe('the demo county seed', () => {
  it('creates the county and is idempotent', async () => {
    const progress: string[] = []
    const first = await seedDemoCounty(payload, { log: (line) => progress.push(line) })
    expect(progress.some((line) => line.includes('资源 1/'))).toBe(true)
    expect(first.scripts).toBeGreaterThan(0)
    const afterFirst = await counts()

    const second = await seedDemoCounty(payload)
    expect(Object.values(second).every((created) => created === 0)).toBe(true)
    expect(await counts()).toEqual(afterFirst)
    // Seeding runs ~100 uploads through sharp, ffmpeg and poppler twice; on two busy cores that
    // can pass a minute.
  }, 240_000)

  it('has the org tiers, roles and published content the demo needs', async () => {
    const levels = await Promise.all(
      (['center', 'institute', 'station', 'mediaCenter'] as const).map(
        async (level) =>
          (await payload.count({ collection: 'orgs', where: { level: { equals: level } } }))
            .totalDocs,
      ),
    )
    const [centers, institutes, stations, mediaCenters] = levels
    expect(centers).toBe(1)
    expect(institutes).toBeGreaterThanOrEqual(3)
    expect(stations).toBeGreaterThanOrEqual(6)
    expect(mediaCenters).toBe(1)

    for (const role of ['admin', 'reviewer', 'editor', 'lecturer']) {
      const { totalDocs } = await payload.count({
        collection: 'users',
        where: { role: { equals: role } },
      })
      expect(totalDocs, role).toBeGreaterThan(0)
    }

    let published = 0
    for (const kind of RESOURCE_KINDS) {
      const kindPublished = (
        await payload.count({ collection: kind, where: { _status: { equals: 'published' } } })
      ).totalDocs
      const kindDrafts = (
        await payload.count({ collection: kind, where: { _status: { equals: 'draft' } } })
      ).totalDocs
      expect(kindPublished, kind).toBeGreaterThanOrEqual(8)
      expect(kindDrafts, kind).toBeGreaterThan(0)
      published += kindPublished
    }
    expect(published).toBeGreaterThanOrEqual(40)
  })

  it('fills derived fields through the hooks', async () => {
    const { docs: scripts } = await payload.find({ collection: 'scripts', limit: 100, depth: 0 })
    for (const script of scripts) {
      expect(script.wordCount, script.slug ?? '').toBeGreaterThan(200)
      expect(script.speakingMinutes).toBeGreaterThan(0)
    }
    const { docs: videos } = await payload.find({ collection: 'videos', limit: 100, depth: 0 })
    for (const video of videos) {
      expect(video.transcript?.length, video.slug ?? '').toBeGreaterThan(20)
      expect(video.durationSeconds).toBeGreaterThan(20)
    }
    const { docs: textbooks } = await payload.find({
      collection: 'textbooks',
      limit: 100,
      depth: 0,
    })
    for (const textbook of textbooks) {
      expect(textbook.readingMinutes).toBeGreaterThan(0)
      expect(textbook.chapters.every((chapter) => chapter.anchor?.startsWith('ch-'))).toBe(true)
    }
  })
})

describe('the demo media', () => {
  it('has generated videos with subtitle files and a PDF textbook whose first page is its cover', async () => {
    const { docs: files } = await payload.find({
      collection: 'video-files',
      where: { filename: { like: 'seed-' } },
      overrideAccess: true,
    })
    expect(files.map((file) => file.mimeType).sort()).toEqual(['video/mp4', 'video/webm'])
    for (const file of files) {
      expect(file.durationSeconds, file.filename ?? '').toBeGreaterThan(20)
      expect(file.poster, file.filename ?? '').toBeTruthy()
    }
    const { docs: videos } = await payload.find({
      collection: 'videos',
      where: { videoFile: { exists: true } },
      depth: 0,
      overrideAccess: true,
    })
    expect(videos).toHaveLength(2)
    for (const video of videos) {
      expect(video.subtitleFile, video.slug ?? '').toBeTruthy()
      expect(video.transcript?.length, video.slug ?? '').toBeGreaterThan(20)
    }
    const { docs: textbooks } = await payload.find({
      collection: 'textbooks',
      where: { pdf: { exists: true } },
      depth: 1,
      overrideAccess: true,
    })
    expect(textbooks).toHaveLength(1)
    const pdf = textbooks[0].pdf as { pageCount?: number; text?: string; preview?: unknown }
    expect(pdf.pageCount).toBeGreaterThan(1)
    expect(pdf.text).toContain(textbooks[0].chapters[0].title)
    expect((textbooks[0].cover as { id: number }).id).toBe(
      typeof pdf.preview === 'object' ? (pdf.preview as { id: number }).id : pdf.preview,
    )
  })
})
