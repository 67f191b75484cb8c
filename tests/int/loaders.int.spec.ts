import '../helpers/isolateEnvironment'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countyFigures, getScript, sumPeopleServed } from '@/data/resources'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import type { Case } from '@/payload-types'

import { createCounty, resourceData } from '../helpers/county'
import { context, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let orgId: number | string
let orgs: Awaited<ReturnType<typeof createCounty>>['orgs']

beforeAll(async () => {
  payload = await bootPayload()
  orgs = (await createCounty(payload)).orgs
  orgId = orgs.townA
})

afterAll(() => shutdownPayload(payload))

async function createCase(peopleServed: number | undefined, status: 'published' | 'draft') {
  return payload.create({
    collection: 'cases',
    data: {
      ...resourceData('cases', orgId),
      outcomes: peopleServed === undefined ? undefined : { peopleServed },
      _status: status,
    } as never,
    draft: status === 'draft',
    overrideAccess: true,
    context,
  })
}

describe('home page figures', () => {
  it('sum people served over published cases only, as reading every case would', async () => {
    await createCase(120, 'published')
    await createCase(345, 'published')
    await createCase(undefined, 'published')
    await createCase(99_999, 'draft')
    const { docs } = await payload.find({
      collection: 'cases',
      where: { _status: { equals: 'published' } },
      pagination: false,
      depth: 0,
      overrideAccess: false,
    })
    const scanned = (docs as Case[]).reduce((sum, c) => sum + (c.outcomes?.peopleServed ?? 0), 0)
    expect(scanned).toBe(465)
    expect(await sumPeopleServed(payload)).toBe(scanned)
    expect((await countyFigures()).peopleServed).toBe(scanned)
  })
})

describe('resources per township', () => {
  it('count published resources of every kind in each township subtree, as per-org counts would', async () => {
    const create = (kind: ResourceKind, org: number | string, status: 'published' | 'draft') =>
      payload.create({
        collection: kind,
        data: { ...resourceData(kind, org), _status: status } as never,
        draft: status === 'draft',
        overrideAccess: true,
        context,
      })
    await create('scripts', orgs.villageA, 'published')
    await create('videos', orgs.villageA, 'published')
    await create('textbooks', orgs.townB, 'published')
    await create('scripts', orgs.villageB, 'draft')
    const { byTownship } = await countyFigures()
    for (const [town, village] of [
      [orgs.townA, orgs.villageA],
      [orgs.townB, orgs.villageB],
    ]) {
      const { slug } = await payload.findByID({ collection: 'orgs', id: town, depth: 0 })
      let expected = 0
      for (const kind of RESOURCE_KINDS) {
        const { totalDocs } = await payload.count({
          collection: kind,
          where: { and: [{ _status: { equals: 'published' } }, { org: { in: [town, village] } }] },
        })
        expected += totalDocs
      }
      expect(byTownship.find((item) => item.slug === slug)?.count).toBe(expected)
    }
    expect(byTownship.find((item) => item.slug.length > 0)?.count).toBeGreaterThan(0)
  })
})

describe('detail loader', () => {
  it('links published related resources and hides draft ones', async () => {
    const create = (kind: 'videos' | 'textbooks', status: 'published' | 'draft') =>
      payload.create({
        collection: kind,
        data: { ...resourceData(kind, orgId), _status: status } as never,
        draft: status === 'draft',
        overrideAccess: true,
        context,
      })
    const video = await create('videos', 'published')
    const draftBook = await create('textbooks', 'draft')
    const slug = unique('s')
    await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', orgId),
        slug,
        _status: 'published',
        related: [
          { relationTo: 'videos', value: video.id },
          { relationTo: 'textbooks', value: draftBook.id },
        ],
      } as never,
      overrideAccess: true,
      context,
    })
    const script = await getScript(slug)
    expect(script?.related).toEqual([{ kind: 'videos', slug: video.slug, title: video.title }])
    expect(script?.org?.name).toMatch(/柳溪镇/)
  })
})
