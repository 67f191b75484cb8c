import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '@/access/scope'
import { TAGS, tagsForChange } from '@/data/cacheTags'
import { getLecturer, resourceSpeakersAndRating } from '@/data/lecturers'
import { loadSearchPeople, searchPeople } from '@/data/search'
import { orderFigures } from '@/data/orderFigures'
import { eraseClosedOrderPhones } from '@/lib/orders/erase'
import type { Lecturer, Order, User } from '@/payload-types'

import { createCounty, resourceData } from '../helpers/county'
import { context, rejectionText, unique } from '../helpers/fixtures'
import { daysAhead, orderForm, uniquePhone } from '../helpers/orders'
import { bootPayload, graphql, restGet, restPost, shutdownPayload } from '../helpers/payload'

/**
 * The 点单 loop on the real Local API and REST routes, on either adapter: the public form (bad
 * input, honeypot, rate limits), dispatch by staff in scope, accept/decline by the assigned
 * lecturer, rating through the tracking link, the append-only timeline, token secrecy, erasure of
 * phone numbers, and that no order data reaches an anonymous caller.
 */

let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>
let scriptSlug: string
let draftSlug: string
let profile: Lecturer
let otherProfile: Lecturer
let otherLecturer: User

const as = (user: User) => ({ user, overrideAccess: false, context })
let addressCounter = 0
const newAddress = () => `198.51.100.${(addressCounter += 1)}`

async function order(patch: Record<string, unknown> = {}) {
  const response = await restPost('orders/submit', orderForm(county.orgs.villageA, patch), {
    address: newAddress(),
  })
  expect(response.status, JSON.stringify(response.json)).toBe(201)
  const number = response.json.number as string
  const { docs } = await payload.find({
    collection: 'orders',
    where: { number: { equals: number } },
    overrideAccess: true,
  })
  return {
    number,
    trackingPath: response.json.trackingPath as string,
    doc: docs[0] as Order,
    token: response.json.token as string,
  }
}

const orderCount = async () =>
  (await payload.count({ collection: 'orders', overrideAccess: true })).totalDocs

const update = (user: User, id: Order['id'], data: Record<string, unknown>) =>
  payload.update({ collection: 'orders', id, data, ...as(user) }) as Promise<Order>

beforeAll(async () => {
  payload = await bootPayload()
  county = await createCounty(payload)
  scriptSlug = unique('dingdan')
  await payload.create({
    collection: 'scripts',
    data: {
      ...resourceData('scripts', county.orgs.villageA, '移风易俗话新风'),
      slug: scriptSlug,
      _status: 'published',
    } as never,
    overrideAccess: true,
    context,
  })
  draftSlug = unique('caogao')
  await payload.create({
    collection: 'scripts',
    data: {
      ...resourceData('scripts', county.orgs.villageA, '还没审的稿'),
      slug: draftSlug,
      _status: 'draft',
    } as never,
    draft: true,
    overrideAccess: true,
    context,
  })
  otherLecturer = await payload.create({
    collection: 'users',
    data: {
      email: `${unique('l')}@lanchuan.example`,
      password: 'demo-pass-2026',
      name: '外村宣讲员',
      role: 'lecturer',
      org: county.orgs.villageB as number,
    },
    overrideAccess: true,
  })
  const lecturerProfile = (account: User, name: string, org: number | string) =>
    payload.create({
      collection: 'lecturers',
      data: {
        displayName: name,
        kind: 'person',
        org: org as number,
        dialects: ['lanchuan'],
        bio: `${name}在村里讲了十多年政策。`,
        account: account.id,
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    }) as Promise<Lecturer>
  profile = await lecturerProfile(county.users.lecturer, '杏花村李大姐', county.orgs.villageA)
  otherProfile = await lecturerProfile(otherLecturer, '上岭村张师傅', county.orgs.villageB)
})

afterAll(() => shutdownPayload(payload))

describe('the public order form', () => {
  it('takes an order from a script page: an order number, a private link, and nothing of the token stored', async () => {
    const placed = await order({
      resource: `scripts/${scriptSlug}`,
      subject: '',
      phone: '138-1234-5678',
    })
    expect(placed.number).toMatch(/^DD\d{8}-[2-9A-HJ-NP-Z]{5}$/)
    expect(placed.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(placed.trackingPath).toBe(`/orders/track#${placed.token}`)
    const { doc } = placed
    expect(doc).toMatchObject({
      status: 'pending',
      requesterName: '王秀兰',
      phone: '13812345678',
      phoneMasked: '138****5678',
      audienceType: 'elderly',
      audienceSize: 40,
    })
    expect(doc.resource).toMatchObject({ relationTo: 'scripts' })
    expect(doc.timeline?.map((entry) => entry.action)).toEqual(['order'])
    // Only a hash of the token is kept.
    expect(doc.trackingTokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(doc)).not.toContain(placed.token)

    const tracked = await restPost('orders/track', { token: placed.token })
    expect(tracked.status).toBe(200)
    expect(tracked.json).toMatchObject({
      number: placed.number,
      status: 'pending',
      statusLabel: '待派单',
      resource: { kind: 'scripts', title: '移风易俗话新风', url: `/scripts/${scriptSlug}` },
      canRate: false,
    })
    // The resident's view has nothing personal: no phone, no name.
    expect(JSON.stringify(tracked.json)).not.toMatch(/1381234|王秀兰/)
  })

  it('refuses bad input field by field with Chinese messages, and stores nothing', async () => {
    const before = await orderCount()
    const bad: [Record<string, unknown>, string][] = [
      [{ phone: '12345' }, 'phone'],
      [{ name: '<script>' }, 'name'],
      [{ preferredDates: ['2020-01-01'] }, 'preferredDates'],
      [{ audienceSize: '-1' }, 'audienceSize'],
      [{ org: String(county.orgs.townA) }, 'org'],
      [{ org: String(county.orgs.center) }, 'org'],
      [{ org: '999999' }, 'org'],
      [{ resource: 'scripts/no-such-script' }, 'resource'],
      [{ resource: `scripts/${draftSlug}` }, 'resource'],
      [{ resource: '', subject: '' }, 'subject'],
    ]
    for (const [patch, field] of bad) {
      const response = await restPost('orders/submit', orderForm(county.orgs.villageA, patch), {
        address: newAddress(),
      })
      expect(response.status, JSON.stringify(patch)).toBe(400)
      const fields = response.json.errors?.[0]?.data?.fields ?? {}
      expect(Object.keys(fields), JSON.stringify(patch)).toEqual([field])
      expect(fields[field]).toMatch(/[\u4e00-\u9fff]/)
    }
    // Not JSON at all, an array, and the honeypot filled by a bot.
    for (const [body, raw] of [
      ['name=王&phone=1', true],
      [[orderForm(county.orgs.villageA)], false],
      [orderForm(county.orgs.villageA, { website: 'http://spam.example' }), false],
    ] as const) {
      const response = await restPost('orders/submit', body, { address: newAddress(), raw })
      expect(response.status).toBe(400)
      expect(response.json.errors?.[0]?.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(await orderCount()).toBe(before)
  })

  it('limits orders per address and per phone, in counters shared by every server, without storing the phone there', async () => {
    const saved = { ...process.env }
    process.env.ORDER_RATE_PER_ADDRESS = '3'
    process.env.ORDER_RATE_PER_PHONE = '2'
    try {
      const address = newAddress()
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        const response = await restPost('orders/submit', orderForm(county.orgs.villageA), {
          address,
        })
        statuses.push(response.status)
        if (response.status === 429) {
          expect(response.json.errors?.[0]?.message).toContain('每小时最多点单 3 次')
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
        }
      }
      expect(statuses).toEqual([201, 201, 201, 429])

      const phone = uniquePhone()
      const byPhone: number[] = []
      for (let i = 0; i < 3; i++) {
        const response = await restPost(
          'orders/submit',
          orderForm(county.orgs.villageA, { phone }),
          {
            address: newAddress(),
          },
        )
        byPhone.push(response.status)
        if (response.status === 429)
          expect(response.json.errors?.[0]?.message).toContain('这个手机号今天')
      }
      expect(byPhone).toEqual([201, 201, 429])
      const counters = await payload.find({
        collection: 'rate-counters',
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
      expect(JSON.stringify(counters.docs)).not.toContain(phone)
    } finally {
      process.env = saved
    }
  })
})

describe('派单 · 接单 · 评单', () => {
  it('runs the whole loop: dispatch in scope, accept, complete, rate once; each step on the timeline', async () => {
    const { doc, token } = await order({ resource: `scripts/${scriptSlug}`, subject: '' })
    const { townEditor, otherTownReviewer, lecturer } = county.users

    // Staff of another township neither see nor change it.
    const foreign = await payload.find({
      collection: 'orders',
      where: { id: { equals: doc.id } },
      ...as(otherTownReviewer),
    })
    expect(foreign.totalDocs).toBe(0)
    expect(
      await rejectionText(
        update(otherTownReviewer, doc.id, { status: 'cancelled', reason: '测试' }),
      ),
    ).toContain('您无权执行此操作')

    // Dispatch needs a lecturer, a time and a place.
    expect(await rejectionText(update(townEditor, doc.id, { status: 'dispatched' }))).toContain(
      '请选择宣讲员',
    )
    const when = new Date(`${daysAhead(5)}T14:30:00+08:00`).toISOString()
    const dispatched = await update(townEditor, doc.id, {
      status: 'dispatched',
      assignee: profile.id,
      scheduledAt: when,
      place: '杏花村文化礼堂',
    })
    expect(dispatched.status).toBe('dispatched')
    expect(idOf(dispatched.assignedUser)).toBe(lecturer.id)
    expect(dispatched.dispatchedAt).toBeTruthy()

    // The lecturer sees it in 我的派单 with the phone masked; another lecturer does not see it.
    const mine = await payload.find({
      collection: 'orders',
      where: { status: { equals: 'dispatched' } },
      ...as(lecturer),
    })
    const seen = mine.docs.find((row) => row.id === doc.id)!
    expect(seen.phoneMasked).toMatch(/^139\*{4}\d{4}$/)
    expect(seen).not.toHaveProperty('phone')
    expect(seen).not.toHaveProperty('trackingTokenHash')
    const notMine = await payload.find({
      collection: 'orders',
      where: { id: { equals: doc.id } },
      ...as(otherLecturer),
    })
    expect(notMine.totalDocs).toBe(0)

    // The lecturer accepts; anything else in the same write is ignored.
    const accepted = await update(lecturer, doc.id, {
      status: 'accepted',
      place: '我家院子',
      audienceSize: 1,
    })
    expect(accepted).toMatchObject({
      status: 'accepted',
      place: '杏花村文化礼堂',
      audienceSize: 40,
    })

    // Rating before the talk is given is refused.
    const early = await restPost('orders/rate', { token, score: 5 })
    expect(early.status).toBe(409)
    expect(early.json.errors?.[0]?.message).toContain('宣讲完成后')

    const completed = await update(lecturer, doc.id, { status: 'completed' })
    expect(completed.closedAt).toBeTruthy()
    const tracked = await restPost('orders/track', { token })
    expect(tracked.json).toMatchObject({
      status: 'completed',
      place: '杏花村文化礼堂',
      scheduledAt: when,
      lecturer: { name: '杏花村李大姐', kind: '宣讲员' },
      canRate: true,
    })

    const rated = await restPost('orders/rate', {
      token,
      score: 5,
      comment: '讲得实在，老人们都听懂了。',
    })
    expect(rated.status).toBe(200)
    expect(rated.json).toMatchObject({ status: 'rated', rating: 5, canRate: false })
    const again = await restPost('orders/rate', { token, score: 1 })
    expect(again.status).toBe(409)
    expect(again.json.errors?.[0]?.message).toContain('只能评价一次')

    const stored = await payload.findByID({
      collection: 'orders',
      id: doc.id,
      overrideAccess: true,
    })
    expect(stored).toMatchObject({
      rating: 5,
      ratingComment: '讲得实在，老人们都听懂了。',
      commentReview: 'pending',
    })
    expect(stored.timeline?.map((entry) => [entry.action, entry.byName])).toEqual([
      ['order', '点单群众'],
      ['dispatch', townEditor.name],
      ['accept', lecturer.name],
      ['complete', lecturer.name],
      ['rate', '点单群众'],
    ])
  })

  it('a decline needs a reason and sends the order back to dispatch; illegal steps are refused', async () => {
    const { doc } = await order()
    const { villageEditor, lecturer, admin } = county.users
    const when = new Date(`${daysAhead(7)}T09:00:00+08:00`).toISOString()
    // Staff cannot accept for the lecturer, nor jump ahead.
    expect(await rejectionText(update(villageEditor, doc.id, { status: 'accepted' }))).toContain(
      '不能从',
    )
    expect(await rejectionText(update(villageEditor, doc.id, { status: 'rated' }))).toContain(
      '不能从',
    )
    expect(await rejectionText(update(villageEditor, doc.id, { status: 'cancelled' }))).toContain(
      '说明原因',
    )

    await update(villageEditor, doc.id, {
      status: 'dispatched',
      assignee: profile.id,
      scheduledAt: when,
      place: '村委会',
    })
    expect(await rejectionText(update(lecturer, doc.id, { status: 'pending' }))).toContain(
      '拒单时请说明原因',
    )
    expect(
      await rejectionText(update(lecturer, doc.id, { status: 'cancelled', reason: '不去' })),
    ).toContain('只有工作人员')
    const declined = await update(lecturer, doc.id, {
      status: 'pending',
      reason: '那天要去县里培训',
    })
    expect(declined).toMatchObject({ status: 'pending', assignee: null, assignedUser: null })
    expect(declined.timeline?.at(-1)).toMatchObject({ action: 'decline', note: '那天要去县里培训' })
    // Once declined it is no longer the lecturer's to touch.
    expect(await rejectionText(update(lecturer, doc.id, { status: 'accepted' }))).toContain(
      '您无权执行此操作',
    )

    // Re-dispatched to another team; the timeline cannot be written through the API.
    const again = await update(villageEditor, doc.id, {
      status: 'dispatched',
      assignee: otherProfile.id,
      timeline: [{ action: 'rate', byName: '伪造', at: new Date().toISOString() }],
      rating: 5,
    })
    expect(idOf(again.assignedUser)).toBe(otherLecturer.id)
    expect(again.rating ?? null).toBeNull()
    expect(again.timeline?.map((entry) => entry.action)).toEqual([
      'order',
      'dispatch',
      'decline',
      'dispatch',
    ])
    const cancelled = await update(admin, doc.id, { status: 'cancelled', reason: '村里改期到明年' })
    expect(cancelled.timeline?.at(-1)).toMatchObject({
      action: 'cancel',
      note: '村里改期到明年',
      byName: admin.name,
    })
    expect(await rejectionText(update(admin, doc.id, { status: 'pending' }))).toContain('不能从')
  })
})

describe('privacy', () => {
  it('tracking tokens: a wrong, malformed or missing token finds nothing', async () => {
    const { token } = await order()
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
    for (const body of [
      { token: wrong },
      { token: 'x' },
      { token: { $ne: null } },
      {},
      { token: '' },
    ]) {
      const response = await restPost('orders/track', body)
      expect(response.status).toBe(404)
      expect(response.json.errors?.[0]?.message).toContain('查询链接无效')
    }
  })

  it('erases the phone of orders closed longer ago than the retention, and keeps open ones', async () => {
    const open = await order()
    const closed = await order()
    await payload.update({
      collection: 'orders',
      id: closed.doc.id,
      data: { status: 'cancelled', reason: '群众来电取消' },
      overrideAccess: true,
    })
    const in31Days = new Date(Date.now() + 31 * 86_400_000)
    expect(await eraseClosedOrderPhones(payload, new Date())).toBe(0)
    expect(await eraseClosedOrderPhones(payload, in31Days)).toBeGreaterThanOrEqual(1)
    const after = await payload.findByID({
      collection: 'orders',
      id: closed.doc.id,
      overrideAccess: true,
    })
    expect(after.phone ?? null).toBeNull()
    expect(after.phoneMasked).toBe('（已清除）')
    expect(after.phoneErasedAt).toBeTruthy()
    expect(after.timeline?.map((entry) => entry.action)).toEqual(['order', 'cancel'])
    const kept = await payload.findByID({
      collection: 'orders',
      id: open.doc.id,
      overrideAccess: true,
    })
    expect(kept.phone).toBe(open.doc.phone)
  })

  it('no order data reaches an anonymous caller through REST or GraphQL', async () => {
    const { doc } = await order({ phone: '13700001234' })
    for (const path of [
      'orders',
      `orders/${doc.id}`,
      'orders?where[phone][exists]=true',
      `orders/${doc.id}?depth=2`,
    ]) {
      const response = await restGet(path)
      expect(response.status, path).toBe(403)
      expect(response.text).not.toContain('13700001234')
      expect(response.text).not.toContain(doc.number)
    }
    const query = await graphql('{ Orders { docs { number phone requesterName } } }')
    expect(query).not.toContain('13700001234')
    expect(query).not.toContain(doc.number)
    // Nor through the create route: orders come from the form only.
    const created = await restPost('orders', {
      number: 'DD1',
      requesterName: '伪造',
      org: county.orgs.villageA,
    })
    expect(created.status).toBe(403)
  })
})

describe('lecturer profiles and ratings', () => {
  /** Places an order for the script and takes it through to 已完成 as the system would. */
  async function givenTalk(assignee: Lecturer['id'], resource: string) {
    const placed = await order({ resource, subject: '' })
    for (const status of ['dispatched', 'accepted', 'completed'] as const) {
      await payload.update({
        collection: 'orders',
        id: placed.doc.id,
        data: {
          status,
          assignee,
          scheduledAt: new Date(`${daysAhead(3)}T10:00:00+08:00`).toISOString(),
          place: '村文化礼堂',
        },
        overrideAccess: true,
        context,
      })
    }
    return placed
  }

  it('a profile is public once published, without its account, and lists the talks it gives', async () => {
    const response = await restGet(`lecturers?where[slug][equals]=${profile.slug}&depth=1`)
    expect(response.status).toBe(200)
    const doc = JSON.parse(response.text).docs[0]
    expect(doc.displayName).toBe('杏花村李大姐')
    expect(doc).not.toHaveProperty('account')
    expect(response.text).not.toContain(county.users.lecturer.email)

    const draft = await payload.create({
      collection: 'lecturers',
      data: { displayName: '还没审的宣讲员', org: county.orgs.villageA, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
      context,
    })
    const hidden = await restGet(`lecturers?where[id][equals]=${draft.id}`)
    expect(JSON.parse(hidden.text).totalDocs).toBe(0)
    expect(await getLecturer(String(draft.slug))).toBeNull()

    const talkSlug = unique('zhujiang')
    await payload.create({
      collection: 'scripts',
      data: {
        ...resourceData('scripts', county.orgs.villageA, '李大姐讲新风'),
        slug: talkSlug,
        speakers: [profile.id, draft.id],
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    })
    const detail = await getLecturer(String(profile.slug))
    expect(detail?.resources.map((item) => item.slug)).toContain(talkSlug)
    const { speakers } = await resourceSpeakersAndRating('scripts', talkSlug)
    // Only published profiles are named on the resource page.
    expect(speakers).toEqual([{ slug: profile.slug, name: '杏花村李大姐', kind: '宣讲员' }])
  })

  it('search finds a published profile by name, village or pinyin, and never a draft one', async () => {
    const slugs = async (query: string) => (await searchPeople(query)).map((person) => person.slug)
    expect(await slugs('李大姐')).toEqual([profile.slug])
    // The name's pinyin, whole or by initials, as phone users type it.
    expect(await slugs('lidajie')).toContain(profile.slug)
    expect(await slugs('xhcldj')).toEqual([profile.slug])
    // Every part of the query must match: the village and the dialect, not the village alone.
    expect(await slugs('杏花村 岚川话')).toContain(profile.slug)
    expect(await slugs('杏花村 普通话')).not.toContain(profile.slug)
    expect(await slugs('李大姐 张师傅')).toEqual([])

    const hidden = await payload.create({
      collection: 'lecturers',
      data: { displayName: '没审过的王老师', org: county.orgs.villageA, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
      context,
    })
    expect(await slugs('王老师')).toEqual([])
    expect((await loadSearchPeople()).map((person) => person.slug)).not.toContain(hidden.slug)

    // The portal's search API names the profile, with what a result shows and nothing else.
    const response = await restGet(`search?q=${encodeURIComponent('李大姐')}`)
    expect(response.status).toBe(200)
    const { people } = JSON.parse(response.text) as { people: Record<string, string>[] }
    expect(people).toHaveLength(1)
    expect(people[0]).toMatchObject({ slug: profile.slug, name: '杏花村李大姐', kind: '宣讲员' })
    expect(Object.keys(people[0]).sort()).toEqual(['kind', 'name', 'orgName', 'slug', 'team'])
    // Filters narrow the resources; the profiles are not among them.
    const filtered = await restGet(`search?q=${encodeURIComponent('李大姐')}&kind=scripts`)
    expect(JSON.parse(filtered.text).people).toEqual([])
  })

  it('a lecturer edits their own profile as a draft for review, never someone else’s, and cannot publish it', async () => {
    const { lecturer } = county.users
    const edited = await payload.update({
      collection: 'lecturers',
      id: profile.id,
      data: { bio: '杏花村退休村医，逢五在大樟树下开讲。', account: otherLecturer.id },
      draft: true,
      ...as(lecturer),
    })
    expect(edited.bio).toContain('退休村医')
    // The account link is staff's to set.
    expect(idOf(edited.account)).toBe(lecturer.id)
    expect(
      await rejectionText(
        payload.update({
          collection: 'lecturers',
          id: otherProfile.id,
          data: { bio: '改别人的简介' },
          draft: true,
          ...as(lecturer),
        }),
      ),
    ).toContain('您无权执行此操作')
    expect(
      await rejectionText(
        payload.update({
          collection: 'lecturers',
          id: profile.id,
          data: { bio: '直接发布', _status: 'published' },
          ...as(lecturer),
        }),
      ),
    ).toMatch(/审核|发布/)
  })

  it('shows ratings from the third one, on the profile and the resource; comments once approved', async () => {
    const resource = `scripts/${scriptSlug}`
    const scores = [5, 4, 4]
    const tokens: string[] = []
    for (const [index, score] of scores.entries()) {
      const { token } = await givenTalk(otherProfile.id, resource)
      tokens.push(token)
      const rated = await restPost('orders/rate', {
        token,
        score,
        comment: index === 0 ? '张师傅讲的防骗窍门，我回家就教给了老伴。' : '',
      })
      expect(rated.status).toBe(200)
      const summary = (await getLecturer(String(otherProfile.slug)))?.rating ?? null
      if (index < 2) expect(summary).toBeNull()
      else expect(summary).toEqual({ average: 4.3, count: 3 })
    }
    expect((await resourceSpeakersAndRating('scripts', scriptSlug)).rating).toMatchObject({
      count: expect.any(Number),
    })
    // The comment waits for a reviewer in scope before it is public.
    let detail = await getLecturer(String(otherProfile.slug))
    expect(detail?.comments).toEqual([])
    const { docs } = await payload.find({
      collection: 'orders',
      where: { commentReview: { equals: 'pending' } },
      overrideAccess: true,
    })
    const withComment = docs.find((doc) => doc.ratingComment?.includes('防骗窍门'))!
    const { townReviewer, lecturer } = county.users
    expect(
      await rejectionText(
        payload.update({
          collection: 'orders',
          id: withComment.id,
          data: { commentReview: 'approved' },
          ...as(lecturer),
        }),
      ),
    ).toContain('您无权执行此操作')
    await payload.update({
      collection: 'orders',
      id: withComment.id,
      data: { commentReview: 'approved' },
      ...as(townReviewer),
    })
    detail = await getLecturer(String(otherProfile.slug))
    expect(detail?.comments).toEqual([
      { text: '张师傅讲的防骗窍门，我回家就教给了老伴。', at: expect.any(String), score: 5 },
    ])
  })

  it('a change to a resource’s speakers expires the speakers’ profile pages', () => {
    const before = { slug: 'a', publishedAt: null, updatedAt: null, org: null, topics: [] }
    const after = { ...before, speakers: [7] }
    const tags = tagsForChange('scripts', 1, before, after, { orgs: [], topics: [] })
    expect(tags).toContain(TAGS.speaker(7))
  })
})

describe('点单 figures', () => {
  it('counts orders per township, the median days to dispatch, the acceptance rate and the average rating', async () => {
    const other = await createCounty(payload)
    const { villageA, villageB } = other.orgs
    const day = 86_400_000
    const system = { overrideAccess: true, context } as const
    const place = (org: number | string, daysAgo: number) =>
      payload.create({
        collection: 'orders',
        data: {
          number: unique('DD'),
          requesterName: '周大爷',
          phone: uniquePhone(),
          org: org as number,
          subject: '想听听养老金怎么查',
          preferredDates: [daysAhead(3)],
          audienceType: 'elderly',
          audienceSize: 20,
          createdAt: new Date(Date.now() - daysAgo * day).toISOString(),
        } as never,
        ...system,
      }) as Promise<Order>
    const step = (id: Order['id'], data: Record<string, unknown>) =>
      payload.update({ collection: 'orders', id, data, ...system })
    const dispatch = {
      status: 'dispatched',
      assignee: profile.id,
      scheduledAt: new Date(`${daysAhead(5)}T09:00:00+08:00`).toISOString(),
      place: '村部',
    }

    const first = await place(villageA, 4)
    const second = await place(villageA, 2)
    await place(villageA, 1)
    await place(villageB, 1)
    await step(first.id, dispatch)
    await step(first.id, { status: 'accepted' })
    await step(first.id, { status: 'completed' })
    await step(first.id, { status: 'rated', rating: 4 })
    await step(second.id, dispatch)
    // Declined by the lecturer (a staff recall would not count against acceptance).
    await payload.update({
      collection: 'orders',
      id: second.id,
      data: { status: 'pending', reason: '改天' },
      ...as(county.users.lecturer),
    })
    await step(second.id, dispatch)
    await step(second.id, { status: 'accepted' })

    const figures = await orderFigures(payload, { org: { in: [villageA, villageB] } })
    const [townA, townB] = figures.byTownship
    expect(townA).toMatchObject({
      orders: 3,
      medianDaysToDispatch: 3,
      acceptanceRate: 2 / 3,
      averageRating: 4,
      ratings: 1,
    })
    expect(townA!.name).toContain('柳溪镇')
    expect(townB).toMatchObject({ orders: 1, medianDaysToDispatch: null, acceptanceRate: null })
    expect(figures.total.orders).toBe(4)
  })
})
