import config from '@payload-config'
import { REST_PATCH } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { loadDashboard } from '@/data/dashboard'
import type { ResourceKind } from '@/lib/kinds'
import type { User } from '@/payload-types'

import { createCounty, resourceData, systemDraft } from '../helpers/county'
import { context, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

/**
 * The rules behind the admin's role-aware actions (tests/e2e/admin-workflow.e2e.spec.ts drives
 * the buttons): who may take a resource off the portal, what staff may read for pickers, how a
 * refusal reads, and what each person's dashboard lists. Runs on both adapters.
 */

let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>

const as = (user: User) => ({ user, overrideAccess: false, context })

async function publishedScript(org: number | string, title = `公开${unique('p')}`) {
  return payload.create({
    collection: 'scripts',
    data: { ...resourceData('scripts', org, title), _status: 'published' } as never,
    overrideAccess: true,
    context,
  })
}

const statusOf = async (kind: ResourceKind, id: number | string) =>
  (await payload.findByID({ collection: kind, id, overrideAccess: true, depth: 0 }))._status

beforeAll(async () => {
  payload = await bootPayload()
  county = await createCounty(payload)
})

afterAll(() => shutdownPayload(payload))

describe('reading for pickers', () => {
  it('staff read other orgs’ published work by title, never their drafts', async () => {
    const published = await publishedScript(county.orgs.villageB, '上岭村公开的稿子')
    const draft = await systemDraft(payload, 'scripts', county.orgs.villageB)
    const found = await payload.find({
      collection: 'scripts',
      where: { id: { in: [published.id, draft.id] } },
      draft: true,
      depth: 0,
      ...as(county.users.villageEditor),
    })
    expect(found.docs.map((doc) => doc.title)).toEqual(['上岭村公开的稿子'])
    await expect(
      payload.findByID({
        collection: 'scripts',
        id: draft.id,
        draft: true,
        ...as(county.users.lecturer),
      }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('a published resource with a pending revision shows other orgs its public version only', async () => {
    const published = await publishedScript(county.orgs.villageB, '公开标题')
    await payload.update({
      collection: 'scripts',
      id: published.id,
      draft: true,
      data: { title: '尚未发布的新标题' },
      overrideAccess: true,
      context,
    })
    const seen = await payload.findByID({
      collection: 'scripts',
      id: published.id,
      draft: true,
      depth: 0,
      ...as(county.users.villageEditor),
    })
    expect(seen.title).toBe('公开标题')
  })
})

describe('taking a resource off the portal', () => {
  it('editors and lecturers cannot; a draft revision leaves it public; a reviewer can', async () => {
    const doc = await publishedScript(county.orgs.villageA)
    for (const user of [county.users.villageEditor, county.users.townEditor]) {
      await expect(
        payload.update({
          collection: 'scripts',
          id: doc.id,
          data: { _status: 'draft' } as never,
          ...as(user),
        }),
      ).rejects.toMatchObject({
        data: {
          errors: [
            expect.objectContaining({
              path: 'reviewState',
              message: expect.stringContaining('不能撤下'),
            }),
          ],
        },
      })
      expect(await statusOf('scripts', doc.id)).toBe('published')
    }
    // A draft revision (what 保存草稿 does) keeps the public version.
    await payload.update({
      collection: 'scripts',
      id: doc.id,
      draft: true,
      data: { summary: '编辑改了摘要，还没发布。', _status: 'draft' } as never,
      ...as(county.users.villageEditor),
    })
    expect(await statusOf('scripts', doc.id)).toBe('published')

    await payload.update({
      collection: 'scripts',
      id: doc.id,
      data: { _status: 'draft' } as never,
      ...as(county.users.townReviewer),
    })
    expect(await statusOf('scripts', doc.id)).toBe('draft')
  })
})

describe('submitting for review', () => {
  it('refuses incomplete work with an error on each missing field; drafts still save', async () => {
    const draft = await payload.create({
      collection: 'scripts',
      data: { title: '只写了标题的草稿', org: county.orgs.villageA, _status: 'draft' } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const refusal = await payload
      .update({
        collection: 'scripts',
        id: draft.id,
        draft: true,
        data: { reviewState: 'submitted', _status: 'draft' } as never,
        ...as(county.users.villageEditor),
      })
      .catch((error: unknown) => error as { data?: { errors?: { path: string; label: string }[] } })
    const errors = (refusal as { data?: { errors?: { path: string; label: string }[] } }).data
      ?.errors
    expect(errors?.map((error) => error.path).sort()).toEqual(
      ['body', 'durationMinutes', 'format', 'summary'].sort(),
    )
    expect(errors?.map((error) => error.label)).toContain('宣讲正文')
    const stored = await payload.findByID({
      collection: 'scripts',
      id: draft.id,
      draft: true,
      overrideAccess: true,
    })
    expect(stored.reviewState).toBe('draft')
  })
})

describe('refusals read as Chinese sentences naming fields by their labels', () => {
  it('an editor publishing through REST gets 审核状态 and the reason, no identifiers', async () => {
    const doc = await systemDraft(payload, 'scripts', county.orgs.villageA)
    const { token } = await payload.login({
      collection: 'users',
      data: { email: county.users.villageEditor.email, password: 'demo-pass-2026' },
    })
    const response = await REST_PATCH(config)(
      new Request(`http://localhost/api/scripts/${doc.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({ _status: 'published' }),
      }),
      { params: Promise.resolve({ slug: ['scripts', String(doc.id)] }) },
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { message: string }[] }
    const message = body.errors[0].message
    expect(message).toContain('审核状态：编辑和宣讲员不能直接发布')
    expect(message).not.toMatch(/reviewState|_status|ValidationError/)
  })

  it('a malformed slug is named 链接标识', async () => {
    const doc = await systemDraft(payload, 'scripts', county.orgs.villageA)
    const { token } = await payload.login({
      collection: 'users',
      data: { email: county.users.villageEditor.email, password: 'demo-pass-2026' },
    })
    const response = await REST_PATCH(config)(
      new Request(`http://localhost/api/scripts/${doc.id}?draft=true`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
        body: JSON.stringify({ slug: '不合法 Slug!' }),
      }),
      { params: Promise.resolve({ slug: ['scripts', String(doc.id)] }) },
    )
    expect(response.status).toBe(400)
    const body = (await response.json()) as { errors: { message: string }[] }
    expect(body.errors[0].message).toMatch(/^未能保存。链接标识：链接标识只能包含/)
  })
})

describe('the dashboard of each person', () => {
  it('reviewers see submitted work of their scope with its age and their schedules', async () => {
    const mine = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '村里提交的稿'),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const elsewhere = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageB, '外镇提交的稿'),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      overrideAccess: true,
      context,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'scripts', value: mine.id as number },
        user: { relationTo: 'users', value: county.users.townReviewer.id },
      },
      waitUntil: new Date(Date.now() + 24 * 3600 * 1000),
    })

    const board = await loadDashboard(payload, county.users.townReviewer)
    expect(board.reviewing).toBe(true)
    const waiting = board.waiting.find((item) => item.id === mine.id)
    expect(waiting).toMatchObject({ kind: 'scripts', title: '村里提交的稿', by: '村编辑' })
    expect(Date.parse(waiting?.since ?? '')).toBeGreaterThan(Date.now() - 60_000)
    expect(board.waiting.some((item) => item.id === elsewhere.id)).toBe(false)
    expect(board.scheduled).toEqual([
      expect.objectContaining({ id: mine.id, title: '村里提交的稿', type: 'publish' }),
    ])
    expect(board.drafts).toEqual([])

    const other = await loadDashboard(payload, county.users.otherTownReviewer)
    expect(other.waiting.some((item) => item.id === elsewhere.id)).toBe(true)
    expect(other.waiting.some((item) => item.id === mine.id)).toBe(false)
    expect(other.scheduled).toEqual([])
  })

  it('editors see their drafts and returned work with the comment; lecturers only their own', async () => {
    const draft = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '编辑的草稿'),
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    const submitted = await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '要被退回的稿'),
        reviewState: 'submitted',
        _status: 'draft',
      } as never,
      draft: true,
      ...as(county.users.villageEditor),
    })
    await payload.update({
      collection: 'scripts',
      id: submitted.id,
      draft: true,
      data: {
        reviewState: 'returned',
        reviewComment: '第二段的数字请再核实。',
        _status: 'draft',
      } as never,
      ...as(county.users.townReviewer),
    })

    const board = await loadDashboard(payload, county.users.villageEditor)
    expect(board.reviewing).toBe(false)
    expect(board.drafts.map((item) => item.id)).toContain(draft.id)
    expect(board.returned).toContainEqual(
      expect.objectContaining({
        id: submitted.id,
        comment: '第二段的数字请再核实。',
        by: '镇审核员',
      }),
    )
    const returnedDrafts = board.drafts.filter((item) => item.id === submitted.id)
    expect(returnedDrafts).toEqual([])

    // The lecturer of the same village sees neither: both are the editor's.
    const lecturer = await loadDashboard(payload, county.users.lecturer)
    expect(lecturer.drafts.some((item) => item.id === draft.id)).toBe(false)
    expect(lecturer.returned.some((item) => item.id === submitted.id)).toBe(false)
  })

  it('everyone sees the latest publications and the figures of their scope only', async () => {
    const inside = await publishedScript(county.orgs.villageA, '村里刚发布的稿')
    const outside = await publishedScript(county.orgs.villageB, '外镇刚发布的稿')
    const board = await loadDashboard(payload, county.users.villageEditor)
    expect(board.published.map((item) => item.id)).toContain(inside.id)
    expect(board.published.map((item) => item.id)).not.toContain(outside.id)

    const scripts = board.figures.find((row) => row.kind === 'scripts')
    const { totalDocs } = await payload.count({
      collection: 'scripts',
      where: {
        and: [{ org: { equals: county.orgs.villageA } }, { _status: { equals: 'published' } }],
      },
      overrideAccess: true,
    })
    expect(scripts?.published).toBe(totalDocs)
    expect(scripts?.returned).toBeGreaterThanOrEqual(1)
  })
})
