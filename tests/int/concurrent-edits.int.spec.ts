import config from '@payload-config'
import { REST_PATCH } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Script, User } from '@/payload-types'

import { createCounty, resourceData } from '../helpers/county'
import { context, rejectionText } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>

const as = (user: User) => ({ user, overrideAccess: false, context, draft: true })

beforeAll(async () => {
  payload = await bootPayload()
  county = await createCounty(payload)
})

afterAll(() => shutdownPayload(payload))

async function draftScript(): Promise<Script> {
  return (await payload.create({
    collection: 'scripts',
    data: { ...resourceData('scripts', county.orgs.villageA), _status: 'draft' } as never,
    ...as(county.users.villageEditor),
  })) as Script
}

async function summaries(id: number | string) {
  const versions = await payload.findVersions({
    collection: 'scripts',
    where: { parent: { equals: id } },
    sort: 'createdAt',
    overrideAccess: true,
  })
  return versions.docs.map((version) => version.version.summary)
}

describe('two editors saving the same document', () => {
  it('refuses the second save made from a stale copy with a Chinese 409, keeping the first', async () => {
    const doc = await draftScript()
    // Both editors opened the same version.
    const opened = doc.updatedAt
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { summary: '村编辑改的摘要', updatedAt: opened },
      ...as(county.users.villageEditor),
    })
    const message = await rejectionText(
      payload.update({
        collection: 'scripts',
        id: doc.id,
        data: { summary: '镇编辑改的摘要', updatedAt: opened },
        ...as(county.users.townEditor),
      }),
    )
    expect(message).toContain('该内容已被他人修改')
    const latest = await payload.findByID({ collection: 'scripts', id: doc.id, draft: true })
    expect(latest.summary).toBe('村编辑改的摘要')
    expect(await summaries(doc.id)).toContain('村编辑改的摘要')
    expect(await summaries(doc.id)).not.toContain('镇编辑改的摘要')

    // Reloading gives the new updatedAt; saving from it works.
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { summary: '镇编辑刷新后改的摘要', updatedAt: latest.updatedAt },
      ...as(county.users.townEditor),
    })
    expect((await summaries(doc.id)).slice(-2)).toEqual(['村编辑改的摘要', '镇编辑刷新后改的摘要'])
  })

  it('answers a stale REST save with HTTP 409 and the Chinese message', async () => {
    const doc = await draftScript()
    const { token } = await payload.login({
      collection: 'users',
      data: { email: county.users.townEditor.email, password: 'demo-pass-2026' },
    })
    const patch = (summary: string) =>
      REST_PATCH(config)(
        new Request(`http://localhost/api/scripts/${doc.id}?draft=true`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
          body: JSON.stringify({ summary, updatedAt: doc.updatedAt }),
        }),
        { params: Promise.resolve({ slug: ['scripts', String(doc.id)] }) },
      )
    expect((await patch('第一次保存')).status).toBe(200)
    const stale = await patch('基于旧版本的保存')
    expect(stale.status).toBe(409)
    expect(JSON.stringify(await stale.json())).toContain('该内容已被他人修改')
  })

  it('without a base version (Local API, scripts) the last write wins, and both writes are in the versions', async () => {
    const doc = await draftScript()
    for (const [user, summary] of [
      [county.users.villageEditor, '甲的改动'],
      [county.users.townEditor, '乙的改动'],
    ] as const) {
      await payload.update({ collection: 'scripts', id: doc.id, data: { summary }, ...as(user) })
    }
    expect((await summaries(doc.id)).slice(-2)).toEqual(['甲的改动', '乙的改动'])
  })
})
