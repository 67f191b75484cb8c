import '../helpers/isolateEnvironment'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TAGS } from '@/data/cacheTags'
import { pollPublicChanges, WHOLE_PORTAL_TAG } from '@/lib/coordination/changeFeed'
import { SERVER_ID } from '@/lib/coordination/server'
import { countHit, releaseLease, tryLease } from '@/lib/coordination/store'
import { electWorker, isWorker, stopWorkerElection, WORKER_LEASE } from '@/lib/coordination/worker'
import { consumeRead } from '@/lib/publicApi'
import { resumeInterruptedJobs, STATIC_QUEUE, STATIC_TASK } from '@/lib/staticSite/publisher'

import { createOrgTree, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * What several app servers on one database share, on either adapter: leases (the one server that
 * runs the job queues), rate-limit windows, and the feed of public changes each server applies to
 * its own page cache. Two servers are simulated by two holder names on the same database; the
 * real two-server run is tests/e2e/cluster.e2e.spec.ts.
 */

let payload: Payload
let tree: Awaited<ReturnType<typeof createOrgTree>>

beforeAll(async () => {
  payload = await bootPayload()
  tree = await createOrgTree(payload)
})

afterAll(async () => {
  await stopWorkerElection(payload)
  await shutdownPayload(payload)
})

const at = (iso: string) => new Date(iso)

describe('leases', () => {
  it('exactly one of many racing servers takes a free lease', async () => {
    const name = unique('lease')
    const holders = Array.from({ length: 12 }, (_, i) => `server-${i}`)
    const results = await Promise.all(
      holders.map((holder) => tryLease(payload, name, holder, 10_000)),
    )
    expect(results.filter(Boolean)).toHaveLength(1)
    const winner = holders[results.indexOf(true)]
    // Once taken, the others keep failing and the holder keeps renewing.
    for (const holder of holders) {
      expect(await tryLease(payload, name, holder, 10_000)).toBe(holder === winner)
    }
  })

  it('an expired lease goes to the next server that asks; the old holder cannot renew it back', async () => {
    const name = unique('lease')
    const now = at('2026-12-02T10:00:00.000Z')
    expect(await tryLease(payload, name, 'a', 5_000, now)).toBe(true)
    expect(await tryLease(payload, name, 'b', 5_000, at('2026-12-02T10:00:04.000Z'))).toBe(false)
    // Five seconds later the lease has expired: b takes it, and a's late renewal fails.
    expect(await tryLease(payload, name, 'b', 5_000, at('2026-12-02T10:00:05.001Z'))).toBe(true)
    expect(await tryLease(payload, name, 'a', 5_000, at('2026-12-02T10:00:05.002Z'))).toBe(false)
    expect(await tryLease(payload, name, 'b', 5_000, at('2026-12-02T10:00:06.000Z'))).toBe(true)
  })

  it('a released lease is free at once, but only its holder can release it', async () => {
    const name = unique('lease')
    expect(await tryLease(payload, name, 'a', 60_000)).toBe(true)
    await releaseLease(payload, name, 'b')
    expect(await tryLease(payload, name, 'b', 60_000)).toBe(false)
    await releaseLease(payload, name, 'a')
    expect(await tryLease(payload, name, 'b', 60_000)).toBe(true)
  })

  it('elects this server as worker only while nobody else holds the worker lease', async () => {
    await stopWorkerElection(payload)
    // Another server holds the lease: this one is not the worker.
    expect(await tryLease(payload, WORKER_LEASE, 'other-server', 60_000)).toBe(true)
    expect(await electWorker(payload)).toBe(false)
    expect(isWorker()).toBe(false)
    // It gives the lease back (or it expires): this server takes over.
    await releaseLease(payload, WORKER_LEASE, 'other-server')
    expect(await electWorker(payload)).toBe(true)
    expect(isWorker()).toBe(true)
    expect(await tryLease(payload, WORKER_LEASE, 'other-server', 60_000)).toBe(false)
    await stopWorkerElection(payload)
    expect(isWorker()).toBe(false)
    expect(await tryLease(payload, WORKER_LEASE, 'other-server', 60_000)).toBe(true)
    await releaseLease(payload, WORKER_LEASE, 'other-server')
  })

  it('the new worker makes the jobs a killed worker left running runnable again', async () => {
    const job = await payload.jobs.queue({
      task: STATIC_TASK,
      queue: STATIC_QUEUE,
      input: { change: { type: 'all', reason: '测试' }, key: 'site' } as never,
    })
    // As a worker killed mid-run leaves it: marked as running, never completed.
    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { processing: true },
      overrideAccess: true,
    })
    expect(await resumeInterruptedJobs(payload)).toBeGreaterThanOrEqual(1)
    const after = await payload.findByID({
      collection: 'payload-jobs',
      id: job.id,
      overrideAccess: true,
    })
    expect(after.processing).toBe(false)
    await payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
  })
})

describe('shared rate-limit windows', () => {
  it('counts concurrent hits exactly, per key and per window', async () => {
    const key = unique('hits')
    const now = Date.parse('2026-12-02T10:00:10.000Z')
    const counts = await Promise.all(
      Array.from({ length: 40 }, () => countHit(payload, key, 60_000, now)),
    )
    const sorted = counts.map((hit) => hit.count).sort((a, b) => a - b)
    // Never under-counted: the i-th hit to finish has seen at least i hits, and the last all 40.
    sorted.forEach((count, i) => expect(count).toBeGreaterThanOrEqual(i + 1))
    expect(sorted.at(-1)).toBe(40)
    if (process.env.MONGO_COMPAT !== 'ferretdb') {
      // One atomic increment per hit (SQLite, MongoDB): each hit sees exactly its own place.
      expect(sorted).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    }
    expect((await countHit(payload, key, 60_000, now)).count).toBe(41)
    expect(counts[0].resetAt).toBe(Date.parse('2026-12-02T10:01:00.000Z'))
    expect((await countHit(payload, `${key}-other`, 60_000, now)).count).toBe(1)
    // The next minute starts again at one.
    expect((await countHit(payload, key, 60_000, now + 60_000)).count).toBe(1)
  })

  it('refuses the read over the limit with the seconds until the window ends', async () => {
    const previous = process.env.PUBLIC_API_RATE_LIMIT
    process.env.PUBLIC_API_RATE_LIMIT = '5'
    try {
      const address = unique('203.0.113.')
      const now = Date.parse('2026-12-02T10:00:45.000Z')
      for (let i = 0; i < 5; i++) {
        expect(await consumeRead(payload, address, now)).toEqual({
          allowed: true,
          limit: 5,
          remaining: 4 - i,
        })
      }
      expect(await consumeRead(payload, address, now)).toEqual({
        allowed: false,
        limit: 5,
        retryAfter: 15,
      })
      expect((await consumeRead(payload, address, now + 15_000)).allowed).toBe(true)
    } finally {
      if (previous === undefined) delete process.env.PUBLIC_API_RATE_LIMIT
      else process.env.PUBLIC_API_RATE_LIMIT = previous
    }
  })
})

describe('the public-change feed', () => {
  it('records each public change with its tags, and applies only the other servers’ changes', async () => {
    await pollPublicChanges(payload)
    const slug = unique('feed')
    await payload.create({
      collection: 'scripts',
      data: {
        ...scriptData(tree.station.id, `变更记录${slug}`),
        slug,
        topics: [tree.topic.id],
        _status: 'published',
      },
      overrideAccess: true,
    })
    const { docs } = await payload.find({
      collection: 'public-changes',
      sort: '-at',
      limit: 1,
      overrideAccess: true,
    })
    expect(docs[0].origin).toBe(SERVER_ID)
    expect(docs[0].tags).toEqual(
      expect.arrayContaining([TAGS.resource('scripts', slug), TAGS.list('scripts')]),
    )
    // Its own change was expired when it was made: nothing to apply.
    expect(await pollPublicChanges(payload)).toBe(0)
    // Another server withdrew a script and renamed an org: both are applied, once.
    for (const tags of [[TAGS.resource('scripts', 'elsewhere')], [WHOLE_PORTAL_TAG]]) {
      await payload.create({
        collection: 'public-changes',
        data: { at: new Date().toISOString(), origin: 'other-server', tags },
        overrideAccess: true,
      })
    }
    expect(await pollPublicChanges(payload)).toBe(2)
    expect(await pollPublicChanges(payload)).toBe(0)
  })

  it('a draft save records nothing; an org rename records the whole portal', async () => {
    await pollPublicChanges(payload)
    const count = () =>
      payload.count({ collection: 'public-changes', overrideAccess: true }).then((r) => r.totalDocs)
    const before = await count()
    const draft = await payload.create({
      collection: 'scripts',
      data: scriptData(tree.station.id, '只是草稿'),
      draft: true,
      overrideAccess: true,
    })
    expect(draft.id).toBeTruthy()
    expect(await count()).toBe(before)
    await payload.update({
      collection: 'orgs',
      id: tree.station.id,
      data: { name: '改过名字的村站' },
      overrideAccess: true,
    })
    const { docs } = await payload.find({
      collection: 'public-changes',
      sort: '-at',
      limit: 1,
      overrideAccess: true,
    })
    expect(await count()).toBe(before + 1)
    expect(docs[0].tags).toEqual([WHOLE_PORTAL_TAG])
  })

  it('is not readable or writable through the API', async () => {
    for (const collection of ['public-changes', 'leases', 'rate-counters'] as const) {
      await expect(payload.find({ collection, overrideAccess: false })).rejects.toThrow()
      await expect(
        payload.create({
          collection,
          data: {} as never,
          overrideAccess: false,
        }),
      ).rejects.toThrow()
    }
  })
})
