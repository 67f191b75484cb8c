import type { AddressInfo } from 'node:net'

import { simpleParser } from 'mailparser'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Lecturer, Order } from '@/payload-types'

import { createCounty } from '../helpers/county'
import { context } from '../helpers/fixtures'
import { daysAhead, orderForm } from '../helpers/orders'

/**
 * Order notifications through a real SMTP conversation: a local sink (smtp-server) receives what
 * the Payload nodemailer adapter sends, and the test reads each mail. Staff in the order's scope
 * hear of every step, the lecturer of what concerns them; no mail carries the resident's phone.
 */

type Mail = { to: string[]; subject: string; text: string }

let server: SMTPServer
const mails: Mail[] = []
let payload: Payload
let county: Awaited<ReturnType<typeof createCounty>>
let restPost: typeof import('../helpers/payload').restPost
let shutdown: typeof import('../helpers/payload').shutdownPayload

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = [parsed.to ?? []]
            .flat()
            .flatMap((address) => address.value.map((v) => v.address ?? ''))
          mails.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  // The adapter is chosen when the config loads: the mail settings come first.
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String((server.server.address() as AddressInfo).port)
  process.env.SMTP_IGNORE_TLS = '1'
  process.env.SMTP_FROM = 'dingdan@lanchuan.example'
  const helpers = await import('../helpers/payload')
  restPost = helpers.restPost
  shutdown = helpers.shutdownPayload
  payload = await helpers.bootPayload()
  county = await createCounty(payload)
})

afterAll(async () => {
  await shutdown?.(payload)
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

/** Waits until `count` more mails arrived than `from`, and returns them. */
async function mailsSince(from: number, count: number): Promise<Mail[]> {
  const deadline = Date.now() + 10_000
  while (mails.length < from + count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return mails.slice(from)
}

describe('order notifications by mail', () => {
  it('tells staff in scope of a new order and each step, and the lecturer of what concerns them', async () => {
    const { users, orgs } = county
    const profile = (await payload.create({
      collection: 'lecturers',
      data: {
        displayName: '柳溪河边王老师',
        org: orgs.villageA,
        account: users.lecturer.id,
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    })) as Lecturer
    // Staff in scope of 杏花村: the village's editor, the township's editor and reviewer, the
    // county reviewer. Not the other township's reviewer, not the lecturer, not the admin.
    const inScope = [
      users.villageEditor,
      users.townEditor,
      users.townReviewer,
      users.countyReviewer,
    ]
      .map((user) => user.email)
      .sort()

    let before = mails.length
    const phone = '13512340000'
    const placed = await restPost('orders/submit', orderForm(orgs.villageA, { phone }), {
      address: '192.0.2.10',
    })
    expect(placed.status).toBe(201)
    const number = placed.json.number as string
    const ordered = await mailsSince(before, inScope.length)
    expect(ordered.flatMap((mail) => mail.to).sort()).toEqual(inScope)
    expect(ordered[0]!.subject).toBe(`【点单】${number} 点单`)
    expect(ordered[0]!.text).toContain('所在村（社区）：杏花村')
    expect(ordered[0]!.text).toContain(`/admin/collections/orders/`)

    const { docs } = await payload.find({
      collection: 'orders',
      where: { number: { equals: number } },
      overrideAccess: true,
    })
    const order = docs[0] as Order
    before = mails.length
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: {
        status: 'dispatched',
        assignee: profile.id,
        scheduledAt: new Date(`${daysAhead(4)}T15:00:00+08:00`).toISOString(),
        place: '杏花村文化礼堂',
      },
      user: users.townEditor,
      overrideAccess: false,
      context,
    })
    const dispatched = await mailsSince(before, inScope.length + 1)
    expect(dispatched.flatMap((mail) => mail.to).sort()).toEqual(
      [...inScope, users.lecturer.email].sort(),
    )
    const toLecturer = dispatched.find((mail) => mail.to.includes(users.lecturer.email))!
    expect(toLecturer.subject).toBe(`【点单】${number} 派单`)
    expect(toLecturer.text).toContain('宣讲员：柳溪河边王老师')
    expect(toLecturer.text).toContain('地点：杏花村文化礼堂')
    expect(toLecturer.text).toMatch(/时间：\d{4}年\d{1,2}月\d{1,2}日 15:00/)

    // The lecturer declines: staff hear why; the lecturer, who did it, gets nothing.
    before = mails.length
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { status: 'pending', reason: '那天县里有培训' },
      user: users.lecturer,
      overrideAccess: false,
      context,
    })
    const declined = await mailsSince(before, inScope.length)
    expect(declined.flatMap((mail) => mail.to).sort()).toEqual(inScope)
    expect(declined[0]!.subject).toBe(`【点单】${number} 拒单`)
    expect(declined[0]!.text).toContain('说明：那天县里有培训')

    // Mail is forwarded and kept: it never carries the phone or the resident's name.
    for (const mail of mails) {
      expect(mail.text).not.toContain(phone)
      expect(mail.text).not.toContain('135****0000')
      expect(mail.text).not.toContain('王秀兰')
    }
    // An edit that is not a step (a staff note on the place) sends nothing.
    before = mails.length
    await payload.update({
      collection: 'orders',
      id: order.id,
      data: { place: '村委会二楼' },
      user: users.townEditor,
      overrideAccess: false,
      context,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(mails.length).toBe(before)
  })
})
