import type { Payload } from 'payload'

import type { ResourceKind } from '@/lib/kinds'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import type { User } from '@/payload-types'

import { context, unique } from './fixtures'

type Id = number | string

/** A small county: center → two townships → one village each, and staff of every role. */
export async function createCounty(payload: Payload) {
  const tag = unique('c')
  const org = async (name: string, level: 'center' | 'institute' | 'station', parent?: Id) =>
    (
      await payload.create({
        collection: 'orgs',
        data: {
          name: `${name}${tag}`,
          slug: `${tag}-${name.length}-${unique('o')}`,
          level,
          parent: parent as number,
        },
        overrideAccess: true,
        context,
      })
    ).id
  const center = await org('县中心', 'center')
  const townA = await org('柳溪镇', 'institute', center)
  const villageA = await org('杏花村', 'station', townA)
  const townB = await org('石门镇', 'institute', center)
  const villageB = await org('上岭村', 'station', townB)

  const user = async (name: string, role: User['role'], orgId: Id) =>
    payload.create({
      collection: 'users',
      data: {
        email: `${unique(role)}@lanchuan.example`,
        password: 'demo-pass-2026',
        name,
        role,
        org: orgId as number,
      },
      overrideAccess: true,
      context,
    })
  const users = {
    admin: await user('管理员', 'admin', center),
    countyReviewer: await user('县审核员', 'reviewer', center),
    townReviewer: await user('镇审核员', 'reviewer', townA),
    otherTownReviewer: await user('外镇审核员', 'reviewer', townB),
    townEditor: await user('镇编辑', 'editor', townA),
    villageEditor: await user('村编辑', 'editor', villageA),
    lecturer: await user('村宣讲员', 'lecturer', villageA),
  }
  return { orgs: { center, townA, villageA, townB, villageB }, users }
}

/** Valid data for a new resource of any kind in an org. */
export function resourceData(kind: ResourceKind, orgId: Id, title = `测试${unique('r')}`) {
  const body = paragraphsToLexical(['乡亲们好，今天扯几句白话。']) as never
  const base = { title, summary: `${title}的摘要`, org: orgId as number }
  switch (kind) {
    case 'scripts':
      return { ...base, format: 'weixuanjiang', durationMinutes: 8, body }
    case 'videos':
      return { ...base, dialect: 'lanchuan' }
    case 'textbooks':
      return { ...base, chapters: [{ title: '第一章', body }] }
    case 'cases':
      return {
        ...base,
        body,
        loop: { order: '群众点单', dispatch: '中心派单', accept: '志愿者接单', review: '群众评单' },
      }
  }
}

/** Creates a draft as the system (no user), e.g. someone else's work to probe access with. */
export async function systemDraft(payload: Payload, kind: ResourceKind, orgId: Id) {
  return payload.create({
    collection: kind,
    data: { ...resourceData(kind, orgId), _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
    context,
  })
}
