import { createHash } from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'

import { countHit } from '@/lib/coordination/store'
import { calendarDate } from '@/lib/dates'
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/health'
import { RESIDENT_WRITE } from '@/hooks/orderWorkflow'
import { orderSettings } from '@/lib/orders/settings'
import {
  isHoneypotFilled,
  maskPhone,
  parseOrderSubmission,
  type FieldErrors,
} from '@/lib/orders/submission'
import { residentView } from '@/lib/orders/residentView'
import {
  hashTrackingToken,
  isTrackingTokenShape,
  newOrderNumber,
  newTrackingToken,
  parseRating,
} from '@/lib/orders/token'
import { clientAddress } from '@/lib/publicApi'

/**
 * The resident's side of 点单, without an account: POST /api/orders/submit (the order form),
 * /api/orders/track (the order behind a tracking token) and /api/orders/rate (评单, once). CORS
 * for the portal's own origins is set by src/proxy.ts (the static copy posts here too).
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR

function limitFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback
}

/** Orders per address per hour (`ORDER_RATE_PER_ADDRESS`) and per phone per day (`ORDER_RATE_PER_PHONE`); 0 disables. */
export const orderLimits = () => ({
  perAddress: limitFromEnv('ORDER_RATE_PER_ADDRESS', 10),
  perPhone: limitFromEnv('ORDER_RATE_PER_PHONE', 3),
  /** Tracking lookups and ratings per address per minute. */
  lookupsPerMinute: limitFromEnv('ORDER_LOOKUPS_PER_MINUTE', 30),
})

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

const formError = (errors: FieldErrors, status = 400) =>
  json({ errors: [{ message: firstMessage(errors), data: { fields: errors } }] }, status)

function firstMessage(errors: FieldErrors): string {
  const messages = Object.values(errors).filter(Boolean)
  return messages.length === 1 ? messages[0]! : `有 ${messages.length} 项需要修改：${messages[0]}`
}

function tooMany(message: string, retryAfterMs: number): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return json({ errors: [{ message }] }, 429, { 'Retry-After': String(seconds) })
}

async function readBody(req: PayloadRequest): Promise<unknown> {
  try {
    return await req.json?.()
  } catch {
    return undefined
  }
}

/** Counts one hit; over the limit returns the Chinese 429, else null. */
async function overLimit(
  req: PayloadRequest,
  key: string,
  limit: number,
  windowMs: number,
  message: string,
): Promise<Response | null> {
  if (limit === 0) return null
  const now = Date.now()
  const { count, resetAt } = await countHit(req.payload, key, windowMs, now)
  return count > limit ? tooMany(message, resetAt - now) : null
}

/** Keys of the shared counters never hold a phone number: a hash of it, salted by the secret. */
const phoneKey = (phone: string, secret: string) =>
  `order-phone:${createHash('sha256').update(`${secret}:${phone}`).digest('hex').slice(0, 32)}`

function withDatabaseGuard(handler: (req: PayloadRequest) => Promise<Response>) {
  return async (req: PayloadRequest): Promise<Response> => {
    try {
      return await handler(req)
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err
      return json({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }, 503, {
        'Retry-After': '5',
      })
    }
  }
}

const submit: Endpoint = {
  path: '/submit',
  method: 'post',
  handler: withDatabaseGuard(async (req) => {
    const { payload } = req
    const limits = orderLimits()
    const body = await readBody(req)
    if (isHoneypotFilled(body)) {
      return formError({ form: '提交未通过校验，请刷新页面后重新填写' })
    }
    const settings = await orderSettings(payload)
    const parsed = parseOrderSubmission(body, calendarDate(new Date(), settings.timeZone))
    if (!parsed.ok) return formError(parsed.errors)
    const order = parsed.value
    // Counted once the form is complete: a resident correcting typos is not held back.
    const limited = await overLimit(
      req,
      `order-address:${clientAddress(req.headers)}`,
      limits.perAddress,
      HOUR,
      `提交过于频繁：同一网络每小时最多点单 ${limits.perAddress} 次，请稍后再试`,
    )
    if (limited) return limited

    // What needs the database: a village or community of ours, a published resource.
    const errors: FieldErrors = {}
    const org = await payload
      .findByID({
        collection: 'orgs',
        id: order.org,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)
    if (!org || org.level !== 'station') errors.org = '请从列表中选择所在的村或社区'
    let resourceId: number | string | null = null
    if (order.resource) {
      const { docs } = await payload.find({
        collection: order.resource.kind,
        where: {
          and: [{ slug: { equals: order.resource.slug } }, { _status: { equals: 'published' } }],
        },
        depth: 0,
        limit: 1,
        select: {},
        overrideAccess: false,
      })
      resourceId = docs[0]?.id ?? null
      if (resourceId === null) errors.resource = '这份资源已下线或不存在，请写下想听的内容'
    }
    let lecturerId: number | string | null = null
    if (order.lecturer) {
      const { docs } = await payload.find({
        collection: 'lecturers',
        where: {
          and: [{ slug: { equals: order.lecturer } }, { _status: { equals: 'published' } }],
        },
        depth: 0,
        limit: 1,
        select: {},
        overrideAccess: false,
      })
      lecturerId = docs[0]?.id ?? null
      if (lecturerId === null) errors.lecturer = '这位宣讲员的主页已下线或不存在，请写下想听的内容'
    }
    if (Object.keys(errors).length > 0) return formError(errors)

    const perPhone = await overLimit(
      req,
      phoneKey(order.phone, payload.secret),
      limits.perPhone,
      DAY,
      `这个手机号今天已点单 ${limits.perPhone} 次，请明天再试，或联系所在的实践站`,
    )
    if (perPhone) return perPhone

    const { token, hash } = newTrackingToken()
    const day = calendarDate(new Date(), settings.timeZone)
    let created: { id: number | string; number: string } | null = null
    for (let attempt = 0; !created; attempt++) {
      try {
        created = (await payload.create({
          collection: 'orders',
          data: {
            number: newOrderNumber(day),
            status: 'pending',
            requesterName: order.name,
            phone: order.phone,
            phoneMasked: maskPhone(order.phone),
            org: org!.id,
            resource:
              order.resource && resourceId !== null
                ? { relationTo: order.resource.kind, value: resourceId }
                : null,
            resourceKey:
              order.resource && resourceId !== null
                ? `${order.resource.kind}/${String(resourceId)}`
                : null,
            requestedLecturer: lecturerId,
            subject: order.subject,
            preferredDates: order.preferredDates,
            audienceType: order.audienceType,
            audienceSize: order.audienceSize,
            note: order.note,
            trackingTokenHash: hash,
          } as never,
          overrideAccess: true,
          depth: 0,
        })) as unknown as { id: number | string; number: string }
      } catch (err) {
        // A clash of order numbers (one in 33 million a day) gets a new number.
        if (attempt >= 2 || !String((err as Error)?.message ?? '').includes('number')) throw err
      }
    }
    return json(
      {
        number: created.number,
        token,
        trackingPath: `/orders/track#${token}`,
        message: `点单成功，订单号 ${created.number}。请保存查询链接，工作人员派单后可在链接中查看进度。`,
      },
      201,
    )
  }),
}

async function orderByToken(req: PayloadRequest, token: unknown) {
  if (!isTrackingTokenShape(token)) return null
  const { docs } = await req.payload.find({
    collection: 'orders',
    where: { trackingTokenHash: { equals: hashTrackingToken(token) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as unknown as Record<string, unknown> & { id: number | string }) ?? null
}

const NOT_FOUND = '查询链接无效：没有找到这张订单，请检查链接是否完整'

async function lookupLimit(req: PayloadRequest): Promise<Response | null> {
  const limit = orderLimits().lookupsPerMinute
  return overLimit(
    req,
    `order-lookup:${clientAddress(req.headers)}`,
    limit,
    60_000,
    `查询过于频繁：每分钟最多 ${limit} 次，请稍后再试`,
  )
}

const track: Endpoint = {
  path: '/track',
  method: 'post',
  handler: withDatabaseGuard(async (req) => {
    const limited = await lookupLimit(req)
    if (limited) return limited
    const body = (await readBody(req)) as { token?: unknown } | undefined
    const order = await orderByToken(req, body?.token)
    if (!order) return json({ errors: [{ message: NOT_FOUND }] }, 404)
    return json(await residentView(req.payload, order))
  }),
}

const rate: Endpoint = {
  path: '/rate',
  method: 'post',
  handler: withDatabaseGuard(async (req) => {
    const limited = await lookupLimit(req)
    if (limited) return limited
    const body = await readBody(req)
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return formError({ form: '提交的内容无效，请刷新页面后重新填写' })
    }
    const input = body as Record<string, unknown>
    const order = await orderByToken(req, input.token)
    if (!order) return json({ errors: [{ message: NOT_FOUND }] }, 404)
    const rating = parseRating(input)
    if (!rating.ok) return formError(rating.errors)
    if (order.status === 'rated') {
      return json({ errors: [{ message: '这张订单已经评价过了，每张订单只能评价一次' }] }, 409)
    }
    if (order.status !== 'completed') {
      return json({ errors: [{ message: '宣讲完成后才能评价' }] }, 409)
    }
    // Only a still-completed order is rated: of two racing ratings, one finds nothing to update.
    const { docs } = await req.payload.update({
      collection: 'orders',
      where: { and: [{ id: { equals: order.id } }, { status: { equals: 'completed' } }] },
      data: {
        status: 'rated',
        rating: rating.score,
        ratingComment: rating.comment,
        commentReview: rating.comment ? 'pending' : null,
      } as never,
      overrideAccess: true,
      depth: 0,
      context: { [RESIDENT_WRITE]: true },
    })
    if (docs.length === 0) {
      return json({ errors: [{ message: '这张订单已经评价过了，每张订单只能评价一次' }] }, 409)
    }
    const updated = docs[0] as unknown as Record<string, unknown> & { id: number | string }
    return json(await residentView(req.payload, updated))
  }),
}

export const orderEndpoints: Endpoint[] = [submit, track, rate]
