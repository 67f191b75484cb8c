import { mkdtempSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TAGS } from '@/data/cacheTags'
import type { StaticChange } from '@/lib/staticSite/affected'
import { STATIC_QUEUE } from '@/lib/staticSite/publisher'

import { createOrgTree, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * What a change to a resource tells the caches: the hooks compare the published document before
 * and after, read from the database (with drafts, `previousDoc` is the latest draft). Every public
 * change expires its cache tags and queues the static site with the same tags; the queued jobs
 * are what this test reads (the app server runs them; here nothing does). Runs on either adapter.
 */

let payload: Payload
let tree: Awaited<ReturnType<typeof createOrgTree>>

beforeAll(async () => {
  process.env.STATIC_SITE_DIR = mkdtempSync(path.join(process.env.TEST_WORK_DIR!, 'static-'))
  payload = await bootPayload()
  tree = await createOrgTree(payload)
})

afterAll(async () => {
  delete process.env.STATIC_SITE_DIR
  await shutdownPayload(payload)
})

/** Changes queued for the static site that `seen` does not hold yet, oldest first. */
async function queuedSince(seen: Set<string>): Promise<StaticChange[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { queue: { equals: STATIC_QUEUE } },
    sort: 'createdAt',
    pagination: false,
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  const fresh = docs.filter((doc) => !seen.has(String(doc.id)))
  for (const doc of fresh) seen.add(String(doc.id))
  return fresh.map((doc) => (doc.input as { change: StaticChange }).change)
}

async function publishedScript(slug: string) {
  return payload.create({
    collection: 'scripts',
    data: {
      ...scriptData(tree.station.id, `公开变更${slug}`),
      slug,
      topics: [tree.topic.id],
      _status: 'published',
    },
    overrideAccess: true,
  })
}

/** An edit saved as a draft on top of the published version, as an editor does in the admin. */
async function saveDraftEdit(id: number | string) {
  await payload.update({
    collection: 'scripts',
    id,
    draft: true,
    data: { summary: '还没审核的新摘要' },
    overrideAccess: true,
  })
}

const resource = (change: StaticChange | undefined) => {
  if (change?.type !== 'resource') throw new Error(`不是资源变更：${JSON.stringify(change)}`)
  return change
}

describe('public changes of a resource', () => {
  it('publishing queues the new page with its resource, scope and list tags', async () => {
    const seen = new Set<string>()
    await queuedSince(seen)
    const slug = unique('pc-new')
    await publishedScript(slug)
    const [change, ...rest] = await queuedSince(seen)
    expect(rest).toEqual([])
    const { before, after, tags } = resource(change)
    expect(before).toBeNull()
    expect(after?.slug).toBe(slug)
    expect(tags).toEqual(
      expect.arrayContaining([
        TAGS.resource('scripts', slug),
        TAGS.list('scripts'),
        TAGS.topic(tree.topic.slug!),
        TAGS.org(tree.station.slug!),
        TAGS.org(tree.institute.slug!),
        TAGS.org(tree.center.slug!),
      ]),
    )
  })

  it('a draft edit of a published resource changes nothing public', async () => {
    const seen = new Set<string>()
    const doc = await publishedScript(unique('pc-draft'))
    await queuedSince(seen)
    await saveDraftEdit(doc.id)
    expect(await queuedSince(seen)).toEqual([])
  })

  it('withdrawing a resource with a pending draft edit takes it off every page', async () => {
    const seen = new Set<string>()
    const slug = unique('pc-withdraw')
    const doc = await publishedScript(slug)
    await saveDraftEdit(doc.id)
    await queuedSince(seen)
    // "取消发布": an update that sets the draft status, as the admin does.
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    const { before, after, tags } = resource((await queuedSince(seen))[0])
    expect(before?.slug).toBe(slug)
    expect(after).toBeNull()
    expect(tags).toEqual(
      expect.arrayContaining([TAGS.resource('scripts', slug), TAGS.list('scripts')]),
    )
  })

  it('an update without a status on top of a pending draft is seen for what it does', async () => {
    const seen = new Set<string>()
    const slug = unique('pc-nostatus')
    const doc = await publishedScript(slug)
    await saveDraftEdit(doc.id)
    await queuedSince(seen)
    const updated = await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { title: `改过标题${slug}` },
      overrideAccess: true,
    })
    const changes = await queuedSince(seen)
    const published = await payload.find({
      collection: 'scripts',
      where: { and: [{ id: { equals: doc.id } }, { _status: { equals: 'published' } }] },
      overrideAccess: true,
    })
    // Whatever status the save left, the caches were told exactly that.
    if (published.totalDocs === 0) {
      expect(updated._status).toBe('draft')
      expect(resource(changes[0]).after).toBeNull()
      expect(resource(changes[0]).before?.slug).toBe(slug)
    } else {
      expect(resource(changes[0]).after?.slug).toBe(slug)
    }
  })

  it('a new slug invalidates the old and the new address', async () => {
    const seen = new Set<string>()
    const slug = unique('pc-old')
    const doc = await publishedScript(slug)
    await queuedSince(seen)
    const renamed = unique('pc-renamed')
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { slug: renamed },
      overrideAccess: true,
    })
    const { before, after, tags } = resource((await queuedSince(seen))[0])
    expect([before?.slug, after?.slug]).toEqual([slug, renamed])
    expect(tags).toEqual(
      expect.arrayContaining([
        TAGS.resource('scripts', slug),
        TAGS.resource('scripts', renamed),
        TAGS.list('scripts'),
      ]),
    )
  })

  it('moving to another org invalidates both orgs but not the kind lists', async () => {
    const seen = new Set<string>()
    const doc = await publishedScript(unique('pc-move'))
    await queuedSince(seen)
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { org: tree.institute.id },
      overrideAccess: true,
    })
    const { tags } = resource((await queuedSince(seen))[0])
    expect(tags).toEqual(
      expect.arrayContaining([TAGS.org(tree.station.slug!), TAGS.org(tree.institute.slug!)]),
    )
    expect(tags).not.toContain(TAGS.list('scripts'))
  })

  it('deleting a published resource with a pending draft removes it everywhere', async () => {
    const seen = new Set<string>()
    const slug = unique('pc-delete')
    const doc = await publishedScript(slug)
    await saveDraftEdit(doc.id)
    await queuedSince(seen)
    await payload.delete({ collection: 'scripts', id: doc.id, overrideAccess: true })
    const { before, after, tags } = resource((await queuedSince(seen))[0])
    expect(before?.slug).toBe(slug)
    expect(after).toBeNull()
    expect(tags).toContain(TAGS.resource('scripts', slug))
  })

  it('deleting a draft that was never public queues nothing', async () => {
    const seen = new Set<string>()
    const doc = await payload.create({
      collection: 'scripts',
      data: { ...scriptData(tree.station.id, '从未公开'), _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    await queuedSince(seen)
    await payload.delete({ collection: 'scripts', id: doc.id, overrideAccess: true })
    expect(await queuedSince(seen)).toEqual([])
  })
})
