import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/access/scope'
import { reviewQueueCounts } from '@/data/reviewQueue'
import { decideTransition } from '@/lib/workflow'
import type { Script, User } from '@/payload-types'

import { createCounty, resourceData } from '../helpers/county'
import { context, rejectionText } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>

const as = (user: User) => ({ user, overrideAccess: false, context })

beforeAll(async () => {
  payload = await bootPayload()
  county = await createCounty(payload)
})

afterAll(() => shutdownPayload(payload))

describe('decideTransition', () => {
  it('refuses out-of-scope actors and illegal jumps with Chinese reasons', () => {
    const base = {
      role: 'editor' as const,
      inScope: true,
      from: 'draft' as const,
      publishing: false,
    }
    expect(decideTransition({ ...base, inScope: false, requested: 'submitted' })).toMatchObject({
      ok: false,
    })
    expect(decideTransition({ ...base, requested: 'submitted' })).toEqual({
      ok: true,
      state: 'submitted',
      action: 'submit',
    })
    expect(decideTransition({ ...base, requested: 'draft', publishing: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('不能直接发布'),
    })
    expect(decideTransition({ ...base, requested: 'published' })).toMatchObject({ ok: false })
    expect(
      decideTransition({
        ...base,
        role: 'reviewer',
        from: 'draft',
        requested: 'returned',
        comment: '改',
      }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('待审'),
    })
  })
})

describe('the review workflow', () => {
  it('runs draft → submitted → returned (with comment) → submitted → published, logging each step', async () => {
    const { villageEditor, townReviewer } = county.users
    const draft = (await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '老年人防诈骗'),
        _status: 'draft',
      } as never,
      draft: true,
      ...as(villageEditor),
    })) as Script
    expect(draft.reviewState).toBe('draft')
    expect(idOf(draft.createdBy)).toBe(villageEditor.id)

    const update = (user: User, data: Record<string, unknown>, draftSave = true) =>
      payload.update({
        collection: 'scripts',
        id: draft.id,
        data,
        draft: draftSave,
        ...as(user),
      }) as Promise<Script>

    expect((await update(villageEditor, { reviewState: 'submitted' })).reviewState).toBe(
      'submitted',
    )

    // An editor cannot publish, nor mark the work published or returned.
    expect(await rejectionText(update(villageEditor, { _status: 'published' }, false))).toMatch(
      /不能直接发布/,
    )
    expect(await rejectionText(update(villageEditor, { reviewState: 'published' }))).toMatch(/发布/)
    expect(
      await rejectionText(
        update(villageEditor, { reviewState: 'returned', reviewComment: '我退我自己' }),
      ),
    ).toMatch(/只有审核员/)

    // Returning needs a comment.
    expect(await rejectionText(update(townReviewer, { reviewState: 'returned' }))).toMatch(
      /审核意见/,
    )
    const returned = await update(townReviewer, {
      reviewState: 'returned',
      reviewComment: '第三段的数字请核对',
    })
    expect(returned.reviewState).toBe('returned')

    // The editor sees why.
    const seenByEditor = (await payload.findByID({
      collection: 'scripts',
      id: draft.id,
      draft: true,
      ...as(villageEditor),
    })) as Script
    expect(seenByEditor.reviewComment).toBe('第三段的数字请核对')

    expect(
      (await update(villageEditor, { reviewState: 'submitted', summary: '数字已核对' }))
        .reviewState,
    ).toBe('submitted')

    const published = await update(townReviewer, { _status: 'published' }, false)
    expect(published._status).toBe('published')
    expect(published.reviewState).toBe('published')
    expect(published.publishedAt).toBeTruthy()
    expect(published.reviewLog?.map((entry) => entry.action)).toEqual([
      'submit',
      'return',
      'submit',
      'publish',
    ])
    const by = published.reviewLog?.map((entry) =>
      typeof entry.by === 'object' ? entry.by?.id : entry.by,
    )
    expect(by).toEqual([villageEditor.id, townReviewer.id, villageEditor.id, townReviewer.id])
    expect(published.reviewLog?.[1]?.comment).toBe('第三段的数字请核对')
    expect(published.reviewLog?.every((entry) => Boolean(entry.at))).toBe(true)

    // The log cannot be forged or erased by a client.
    const forged = await update(villageEditor, {
      reviewLog: [],
      createdBy: county.users.admin.id,
      summary: '再改',
    })
    expect(forged.reviewLog?.length).toBe(4)
    expect(idOf(forged.createdBy)).toBe(villageEditor.id)
  })

  it('refuses a reviewer whose scope does not cover the resource', async () => {
    const doc = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const error = await rejectionText(
      payload.update({
        collection: 'scripts',
        id: doc.id,
        data: { _status: 'published' } as never,
        ...as(county.users.otherTownReviewer),
      }),
    )
    expect(error).toBeTruthy()
    const unchanged = await payload.findByID({
      collection: 'scripts',
      id: doc.id,
      draft: true,
      overrideAccess: true,
    })
    expect(unchanged._status).toBe('draft')
  })

  it('does not let an editor move a resource out of their scope', async () => {
    const doc = await payload.create({
      collection: 'scripts',
      data: { ...resourceData('scripts', county.orgs.villageA), _status: 'draft' } as never,
      draft: true,
      ...as(county.users.townEditor),
    })
    expect(
      await rejectionText(
        payload.update({
          collection: 'scripts',
          id: doc.id,
          draft: true,
          data: { org: county.orgs.villageB as number },
          ...as(county.users.townEditor),
        }),
      ),
    ).toMatch(/管理范围/)
  })

  it('lets a lecturer write and submit their own drafts but not publish them', async () => {
    const { lecturer } = county.users
    const own = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '我写的宣讲稿'),
        _status: 'draft',
      } as never,
      draft: true,
      ...as(lecturer),
    })
    const submitted = await payload.update({
      collection: 'scripts',
      id: own.id,
      draft: true,
      data: { reviewState: 'submitted' },
      ...as(lecturer),
    })
    expect(submitted.reviewState).toBe('submitted')
    expect(
      await rejectionText(
        payload.update({
          collection: 'scripts',
          id: own.id,
          data: { _status: 'published' } as never,
          ...as(lecturer),
        }),
      ),
    ).toMatch(/不能直接发布/)
    await payload.delete({ collection: 'scripts', id: own.id, ...as(lecturer) })
  })
})

describe('scheduled publishing', () => {
  const schedule = (
    id: number | string,
    user: User,
    waitUntil: Date,
    type: 'publish' | 'unpublish',
  ) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type,
        doc: { relationTo: 'scripts', value: id as number },
        user: { relationTo: 'users', value: user.id },
      },
      waitUntil,
    })

  it('publishes at the approved time as the reviewer, and unpublishes at a time', async () => {
    const doc = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '限时通知'),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const status = async () =>
      (await payload.findByID({ collection: 'scripts', id: doc.id, overrideAccess: true }))._status

    const job = await schedule(
      doc.id,
      county.users.townReviewer,
      new Date(Date.now() + 60 * 60 * 1000),
      'publish',
    )
    await payload.jobs.run()
    expect(await status()).toBe('draft')

    await payload.update({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      overrideAccess: true,
    })
    await payload.jobs.run()
    expect(await status()).toBe('published')
    const published = await payload.findByID({
      collection: 'scripts',
      id: doc.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(published.reviewLog?.at(-1)?.action).toBe('publish')
    expect(idOf(published.reviewLog?.at(-1)?.by)).toBe(county.users.townReviewer.id)

    await schedule(doc.id, county.users.townReviewer, new Date(Date.now() - 1000), 'unpublish')
    await payload.jobs.run()
    expect(await status()).toBe('draft')
  })

  it('does not let a schedule made by an editor publish anything', async () => {
    const doc = await payload.create({
      collection: 'scripts',
      data: { ...resourceData('scripts', county.orgs.villageA), _status: 'draft' } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    await schedule(doc.id, county.users.villageEditor, new Date(Date.now() - 1000), 'publish')
    await payload.jobs.run()
    const after = await payload.findByID({
      collection: 'scripts',
      id: doc.id,
      overrideAccess: true,
    })
    expect(after._status).toBe('draft')
  })
})

describe('the review queue', () => {
  it('counts what waits for each reviewer in their own scope', async () => {
    await payload.create({
      collection: 'cases',
      data: {
        ...resourceData('cases', county.orgs.villageA),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const total = async (user: User, state: 'submitted' | 'returned') =>
      (await reviewQueueCounts(payload, user, state)).reduce((sum, { count }) => sum + count, 0)
    const town = await reviewQueueCounts(payload, county.users.townReviewer, 'submitted')
    expect(town.find((entry) => entry.kind === 'cases')?.count).toBeGreaterThanOrEqual(1)
    expect(await total(county.users.otherTownReviewer, 'submitted')).toBe(0)
    expect(await total(county.users.countyReviewer, 'submitted')).toBe(
      await total(county.users.townReviewer, 'submitted'),
    )
  })
})

describe('account safety', () => {
  it('refuses weak passwords with a Chinese reason', async () => {
    for (const [password, reason] of [
      ['short1', /至少需要 10 位/],
      ['onlyletterspassword', /字母和数字/],
      ['1234567890123', /字母和数字/],
    ] as const) {
      expect(
        await rejectionText(
          payload.create({
            collection: 'users',
            data: {
              email: `weak-${password}@lanchuan.example`,
              password,
              name: '弱密码',
              role: 'editor',
            },
            overrideAccess: true,
            context,
          }),
        ),
      ).toMatch(reason)
    }
  })

  it('locks an account after five failed logins', async () => {
    const email = county.users.lecturer.email
    for (let i = 0; i < 5; i++) {
      await expect(
        payload.login({ collection: 'users', data: { email, password: 'wrong-pass-000' } }),
      ).rejects.toThrow()
    }
    const error = await payload
      .login({ collection: 'users', data: { email, password: 'demo-pass-2026' } })
      .then(
        () => null,
        (err: Error) => err,
      )
    expect(error?.name).toBe('LockedAuth')
  })
})
