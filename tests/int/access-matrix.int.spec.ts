import { mkdirSync, writeFileSync } from 'node:fs'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import type { User } from '@/payload-types'

import { createCounty, resourceData, systemDraft } from '../helpers/county'
import { context, jpeg } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

type Id = number | string
type Cell = 'allow' | 'deny'
type RoleKey =
  'admin' | 'countyReviewer' | 'townReviewer' | 'townEditor' | 'villageEditor' | 'lecturer'
const OPS = ['create', 'read', 'update', 'delete', 'publish'] as const
type Op = (typeof OPS)[number]

let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>

const ROLES: RoleKey[] = [
  'admin',
  'countyReviewer',
  'townReviewer',
  'townEditor',
  'villageEditor',
  'lecturer',
]
const ROLE_LABELS: Record<RoleKey, string> = {
  admin: '管理员（县）',
  countyReviewer: '审核员（县）',
  townReviewer: '审核员（柳溪镇）',
  townEditor: '编辑（柳溪镇）',
  villageEditor: '编辑（杏花村）',
  lecturer: '宣讲员（杏花村）',
}

/** Expected cells for the four resource kinds: inside scope (杏花村) and outside (上岭村). */
const EXPECTED: Record<RoleKey, { inside: Record<Op, Cell>; outside: Record<Op, Cell> | null }> = {
  admin: { inside: all('allow'), outside: null },
  countyReviewer: { inside: all('allow'), outside: null },
  townReviewer: { inside: all('allow'), outside: all('deny') },
  townEditor: { inside: { ...all('allow'), publish: 'deny' }, outside: all('deny') },
  villageEditor: { inside: { ...all('allow'), publish: 'deny' }, outside: all('deny') },
  // Lecturers write their own drafts (see the workflow tests); others' work is read-only to them.
  lecturer: {
    inside: { create: 'allow', read: 'allow', update: 'deny', delete: 'deny', publish: 'deny' },
    outside: all('deny'),
  },
}

function all(cell: Cell): Record<Op, Cell> {
  return { create: cell, read: cell, update: cell, delete: cell, publish: cell }
}

/**
 * Runs an operation: 'allow' when it succeeds, 'deny' when access control or the scope/workflow
 * rules refuse it. Any other failure (a broken fixture, a 500) fails the test instead of
 * passing for a denial.
 */
async function attempt(run: () => Promise<unknown>): Promise<Cell> {
  try {
    await run()
    return 'allow'
  } catch (err) {
    const error = err as { status?: number; data?: { errors?: { path?: string }[] } }
    if (error.status === 403 || error.status === 404) return 'deny'
    const paths = (error.data?.errors ?? []).map((entry) => entry.path)
    if (paths.length > 0 && paths.every((path) => path === 'org' || path === 'reviewState'))
      return 'deny'
    throw err
  }
}

const as = (user: User) => ({ user, overrideAccess: false, context })

async function resourceCell(kind: ResourceKind, op: Op, user: User, org: Id): Promise<Cell> {
  if (op === 'create') {
    return attempt(() =>
      payload.create({
        collection: kind,
        data: { ...resourceData(kind, org), _status: 'draft' } as never,
        draft: true,
        ...as(user),
      }),
    )
  }
  const doc = await systemDraft(payload, kind, org)
  switch (op) {
    case 'read':
      return attempt(() =>
        payload.findByID({ collection: kind, id: doc.id, draft: true, ...as(user) }),
      )
    case 'update':
      return attempt(() =>
        payload.update({
          collection: kind,
          id: doc.id,
          draft: true,
          data: { summary: '改一改摘要' },
          ...as(user),
        }),
      )
    case 'delete':
      return attempt(() => payload.delete({ collection: kind, id: doc.id, ...as(user) }))
    case 'publish':
      return attempt(() =>
        payload.update({
          collection: kind,
          id: doc.id,
          data: { _status: 'published' } as never,
          ...as(user),
        }),
      )
  }
}

const table: string[] = []

beforeAll(async () => {
  payload = await bootPayload()
  county = await createCounty(payload)
})

afterAll(async () => {
  mkdirSync('tests/artifacts', { recursive: true })
  writeFileSync('tests/artifacts/access-matrix.md', `${table.join('\n')}\n`)
  await shutdownPayload(payload)
})

describe('access matrix: role × collection × operation × scope', () => {
  it.each(RESOURCE_KINDS)('%s', async (kind) => {
    const header = `| ${kind} | ${OPS.map((op) => `${op} 内`).join(' | ')} | ${OPS.map((op) => `${op} 外`).join(' | ')} |`
    table.push('', header, `|${' --- |'.repeat(OPS.length * 2 + 1)}`)
    for (const role of ROLES) {
      const user = county.users[role]
      const expected = EXPECTED[role]
      const inside: string[] = []
      const outside: string[] = []
      for (const op of OPS) {
        const cell = await resourceCell(kind, op, user, county.orgs.villageA)
        expect(cell, `${role} ${op} ${kind} inside`).toBe(expected.inside[op])
        inside.push(cell === 'allow' ? '✅' : '❌')
      }
      for (const op of OPS) {
        if (!expected.outside) {
          outside.push('—')
          continue
        }
        const cell = await resourceCell(kind, op, user, county.orgs.villageB)
        expect(cell, `${role} ${op} ${kind} outside`).toBe(expected.outside[op])
        outside.push(cell === 'allow' ? '✅' : '❌')
      }
      table.push(`| ${ROLE_LABELS[role]} | ${inside.join(' | ')} | ${outside.join(' | ')} |`)
    }
  })

  it('uploads: staff change files of their scope only', async () => {
    const upload = async (org: Id) => {
      const data = await jpeg(64, 64)
      return payload.create({
        collection: 'media',
        data: { alt: '测试图片', org: org as number },
        file: { data, mimetype: 'image/jpeg', name: 'probe.jpg', size: data.length },
        overrideAccess: true,
        context,
      })
    }
    table.push(
      '',
      '| media | create 内 | update 内 | delete 内 | create 外 | update 外 | delete 外 |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    )
    for (const role of ROLES) {
      const user = county.users[role]
      const countyWide = role === 'admin' || role === 'countyReviewer'
      const cells: Cell[] = []
      for (const org of [county.orgs.villageA, county.orgs.villageB]) {
        const data = await jpeg(64, 64)
        cells.push(
          await attempt(() =>
            payload.create({
              collection: 'media',
              data: { alt: '上传测试', org: org as number },
              file: { data, mimetype: 'image/jpeg', name: 'up.jpg', size: data.length },
              ...as(user),
            }),
          ),
        )
        const target = await upload(org)
        cells.push(
          await attempt(() =>
            payload.update({
              collection: 'media',
              id: target.id,
              data: { alt: '改说明' },
              ...as(user),
            }),
          ),
        )
        cells.push(
          await attempt(() => payload.delete({ collection: 'media', id: target.id, ...as(user) })),
        )
      }
      const expected: Cell[] = [
        ...(['allow', 'allow', 'allow'] as Cell[]),
        ...((countyWide ? ['allow', 'allow', 'allow'] : ['deny', 'deny', 'deny']) as Cell[]),
      ]
      expect(cells, role).toEqual(expected)
      table.push(
        `| ${ROLE_LABELS[role]} | ${cells.map((cell) => (cell === 'allow' ? '✅' : '❌')).join(' | ')} |`,
      )
    }
  })

  it('orgs, topics, users and site settings: structure is admin-only', async () => {
    table.push(
      '',
      '| 结构与账号 | 建组织 | 改组织 | 建主题 | 建用户 | 改他人账号 | 改本人姓名 | 看本范围账号 | 看范围外账号 | 改站点设置 |',
      `|${' --- |'.repeat(10)}`,
    )
    for (const role of ROLES) {
      const user = county.users[role]
      const isAdmin = role === 'admin'
      const countyWide = isAdmin || role === 'countyReviewer'
      const cells: Cell[] = [
        await attempt(() =>
          payload.create({
            collection: 'orgs',
            data: { name: '新站', level: 'station', parent: county.orgs.villageA as number },
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.update({
            collection: 'orgs',
            id: county.orgs.villageA,
            data: { description: '改简介' },
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.create({ collection: 'topics', data: { name: `新主题${role}` }, ...as(user) }),
        ),
        await attempt(() =>
          payload.create({
            collection: 'users',
            data: {
              email: `new-${role}@lanchuan.example`,
              password: 'demo-pass-2026',
              name: '新人',
              role: 'editor',
            },
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.update({
            collection: 'users',
            id: (role === 'villageEditor' ? county.users.lecturer : county.users.villageEditor).id,
            data: { name: '改名' },
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.update({
            collection: 'users',
            id: user.id,
            data: { name: user.name },
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.findByID({ collection: 'users', id: county.users.lecturer.id, ...as(user) }),
        ),
        await attempt(() =>
          payload.findByID({
            collection: 'users',
            id: county.users.otherTownReviewer.id,
            ...as(user),
          }),
        ),
        await attempt(() =>
          payload.updateGlobal({ slug: 'site', data: { tagline: '改副标题' }, ...as(user) }),
        ),
      ]
      const allowIf = (condition: boolean): Cell => (condition ? 'allow' : 'deny')
      expect(cells, role).toEqual([
        allowIf(isAdmin),
        allowIf(isAdmin),
        allowIf(isAdmin),
        allowIf(isAdmin),
        allowIf(isAdmin),
        'allow',
        'allow',
        allowIf(countyWide),
        allowIf(isAdmin),
      ])
      table.push(
        `| ${ROLE_LABELS[role]} | ${cells.map((cell) => (cell === 'allow' ? '✅' : '❌')).join(' | ')} |`,
      )
    }
  })
})
