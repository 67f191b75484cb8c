import '../helpers/isolateEnvironment'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { countyFigures, getScript, sumPeopleServed } from '@/data/resources'
import type { Case } from '@/payload-types'

import { createCounty, resourceData } from '../helpers/county'
import { context, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let orgId: number | string

beforeAll(async () => {
  payload = await bootPayload()
  orgId = (await createCounty(payload)).orgs.townA
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
