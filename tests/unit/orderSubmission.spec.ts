import { describe, expect, it } from 'vitest'

import {
  maskPhone,
  normalizePhone,
  parseOrderSubmission,
  type FieldErrors,
} from '@/lib/orders/submission'
import { figuresOf, median } from '@/lib/orders/figures'
import { parseRating } from '@/lib/orders/token'
import { decideOrderTransition, type OrderActor } from '@/lib/orders/workflow'

const TODAY = '2026-12-06'

/** A complete, valid order as the form posts it. */
const validOrder = () => ({
  name: '王秀兰',
  phone: '138 1234 5678',
  org: '12',
  resource: 'scripts/yi-feng-yi-su',
  subject: '',
  preferredDates: ['2026-12-10', '2026-12-12'],
  audienceType: 'elderly',
  audienceSize: '40',
  note: '村委会议室，有投影。',
})

function errorsOf(patch: Record<string, unknown>): FieldErrors {
  const result = parseOrderSubmission({ ...validOrder(), ...patch }, TODAY)
  return result.ok ? {} : result.errors
}

describe('the order form, field by field', () => {
  it('accepts a complete order and normalizes it', () => {
    const result = parseOrderSubmission(validOrder(), TODAY)
    expect(result).toEqual({
      ok: true,
      value: {
        name: '王秀兰',
        phone: '13812345678',
        org: '12',
        resource: { kind: 'scripts', slug: 'yi-feng-yi-su' },
        lecturer: null,
        subject: null,
        preferredDates: ['2026-12-10', '2026-12-12'],
        audienceType: 'elderly',
        audienceSize: 40,
        note: '村委会议室，有投影。',
      },
    })
    // A free-text order without a resource; +86 and dashes; a comma-separated date list.
    const free = parseOrderSubmission(
      {
        ...validOrder(),
        resource: '',
        subject: '想听听医保怎么在手机上缴',
        phone: '+86 139-0000-1111',
        preferredDates: '2026-12-20，2026-12-08',
      },
      TODAY,
    )
    expect(free).toMatchObject({
      ok: true,
      value: { phone: '13900001111', resource: null, preferredDates: ['2026-12-08', '2026-12-20'] },
    })
  })

  // Each case: the patch, the field that must be refused, a word of its Chinese message.
  const cases: [string, Record<string, unknown>, keyof FieldErrors, string][] = [
    ['missing name', { name: undefined }, 'name', '请填写'],
    ['blank name', { name: '   ' }, 'name', '请填写'],
    ['one-character name', { name: '王' }, 'name', '2–20'],
    ['name too long', { name: '王'.repeat(21) }, 'name', '2–20'],
    ['markup in the name', { name: '<b>王</b>' }, 'name', '汉字'],
    ['digits in the name', { name: '王123' }, 'name', '汉字'],
    ['control character in the name', { name: '王\u0000兰' }, 'name', '汉字'],
    ['name not text', { name: 42 }, 'name', '请填写'],
    ['missing phone', { phone: '' }, 'phone', '请填写手机号码'],
    ['landline', { phone: '0571-8888888' }, 'phone', '11 位'],
    ['ten digits', { phone: '1381234567' }, 'phone', '11 位'],
    ['twelve digits', { phone: '138123456789' }, 'phone', '11 位'],
    ['phone starting 12', { phone: '12812345678' }, 'phone', '11 位'],
    ['letters in the phone', { phone: '138abcd5678' }, 'phone', '11 位'],
    ['phone as a number', { phone: 13812345678 }, 'phone', '11 位'],
    ['foreign number', { phone: '+1 415 555 0100' }, 'phone', '11 位'],
    ['missing org', { org: '' }, 'org', '请选择'],
    ['org with a path', { org: '../1' }, 'org', '无效'],
    ['org as an object', { org: { id: 1 } }, 'org', '请选择'],
    ['resource of another kind', { resource: 'textbooks/abc' }, 'resource', '无效'],
    ['resource with markup', { resource: 'scripts/<x>' }, 'resource', '无效'],
    ['resource with extra segments', { resource: 'scripts/a/b' }, 'resource', '无效'],
    ['resource as an object', { resource: { kind: 'scripts' } }, 'resource', '无效'],
    ['lecturer slug with markup', { lecturer: '<b>x</b>' }, 'lecturer', '无效'],
    ['lecturer as an object', { lecturer: { slug: 'a' } }, 'lecturer', '无效'],
    ['no resource and no subject', { resource: '', subject: '' }, 'subject', '请写下'],
    ['subject too short without a resource', { resource: '', subject: '讲讲' }, 'subject', '至少'],
    ['subject too long', { subject: '讲'.repeat(201) }, 'subject', '最多'],
    ['subject not text', { subject: ['讲讲'] }, 'subject', '文字'],
    ['no preferred date', { preferredDates: [] }, 'preferredDates', '至少'],
    [
      'four preferred dates',
      { preferredDates: ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'] },
      'preferredDates',
      '最多',
    ],
    ['date in the past', { preferredDates: ['2026-12-01'] }, 'preferredDates', '明天'],
    ['date today', { preferredDates: [TODAY] }, 'preferredDates', '明天'],
    ['date too far ahead', { preferredDates: ['2027-08-01'] }, 'preferredDates', '180'],
    ['not a calendar date', { preferredDates: ['2026-02-30'] }, 'preferredDates', '年-月-日'],
    ['date in another format', { preferredDates: ['12/10/2026'] }, 'preferredDates', '年-月-日'],
    ['duplicate dates', { preferredDates: ['2026-12-10', '2026-12-10'] }, 'preferredDates', '重复'],
    ['dates not text', { preferredDates: [20261210] }, 'preferredDates', '无效'],
    ['dates as an object', { preferredDates: { a: 1 } }, 'preferredDates', '无效'],
    ['missing audience', { audienceType: '' }, 'audienceType', '请选择'],
    ['unknown audience', { audienceType: 'aliens' }, 'audienceType', '无效'],
    ['missing audience size', { audienceSize: '' }, 'audienceSize', '请填写'],
    ['zero listeners', { audienceSize: 0 }, 'audienceSize', '正整数'],
    ['negative listeners', { audienceSize: '-5' }, 'audienceSize', '正整数'],
    ['fractional listeners', { audienceSize: 2.5 }, 'audienceSize', '正整数'],
    ['listeners as words', { audienceSize: '四十' }, 'audienceSize', '正整数'],
    ['too many listeners', { audienceSize: 9000 }, 'audienceSize', '5000'],
    ['note too long', { note: '字'.repeat(501) }, 'note', '最多'],
    ['control character in the note', { note: '好\u0007的' }, 'note', '无效字符'],
    ['note not text', { note: { text: 'x' } }, 'note', '文字'],
  ]

  it.each(cases)('refuses %s', (_, patch, field, word) => {
    const errors = errorsOf(patch)
    expect(errors[field]).toContain(word)
  })

  it('reports every bad field at once, and refuses a body that is not an object', () => {
    const errors = errorsOf({ name: '', phone: '123', audienceType: 'x' })
    expect(Object.keys(errors).sort()).toEqual(['audienceType', 'name', 'phone'])
    for (const body of [null, 'name=王', [validOrder()], 42]) {
      expect(parseOrderSubmission(body, TODAY)).toMatchObject({
        ok: false,
        errors: { form: expect.stringContaining('无效') },
      })
    }
  })

  it('normalizes and masks mainland mobile numbers', () => {
    expect(normalizePhone('86 13812345678')).toBe('13812345678')
    expect(normalizePhone('+8613812345678')).toBe('13812345678')
    expect(normalizePhone('8613812345678x')).toBeNull()
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone(null)).toBe('')
  })

  it('checks a rating: a whole score from 1 to 5 and a short comment', () => {
    expect(parseRating({ score: 5, comment: ' 讲得实在 ' })).toEqual({
      ok: true,
      score: 5,
      comment: '讲得实在',
    })
    expect(parseRating({ score: '4' })).toEqual({ ok: true, score: 4, comment: null })
    for (const score of [0, 6, 3.5, 'five', null, undefined, [5]]) {
      expect(parseRating({ score })).toMatchObject({
        ok: false,
        errors: { score: expect.any(String) },
      })
    }
    expect(parseRating({ score: 5, comment: '好'.repeat(301) })).toMatchObject({
      ok: false,
      errors: { comment: expect.stringContaining('300') },
    })
    expect(parseRating({ score: 5, comment: 5 })).toMatchObject({ ok: false })
  })
})

describe('the order state machine', () => {
  const staff: OrderActor = { kind: 'staff', role: 'editor', inScope: true }
  const ready = { assigned: true, scheduled: true, place: true }
  const decide = (
    actor: OrderActor,
    from: string,
    to: string,
    extra: Partial<typeof ready & { reason: string }> = {},
  ) => decideOrderTransition({ actor, from: from as never, to: to as never, ...ready, ...extra })

  it('runs 点单 → 派单 → 接单 → 完成 → 评单 for the right actors', () => {
    expect(decide(staff, 'pending', 'dispatched')).toEqual({ ok: true, action: 'dispatch' })
    expect(decide({ kind: 'assignee' }, 'dispatched', 'accepted')).toEqual({
      ok: true,
      action: 'accept',
    })
    expect(decide({ kind: 'assignee' }, 'accepted', 'completed')).toEqual({
      ok: true,
      action: 'complete',
    })
    expect(decide({ kind: 'resident' }, 'completed', 'rated')).toEqual({ ok: true, action: 'rate' })
  })

  it('refuses illegal transitions and actors with Chinese reasons', () => {
    const refused: [OrderActor, string, string, Record<string, unknown>?][] = [
      [staff, 'pending', 'accepted'],
      [staff, 'pending', 'completed'],
      [staff, 'pending', 'rated'],
      [staff, 'rated', 'pending'],
      [staff, 'cancelled', 'pending'],
      [staff, 'completed', 'cancelled'],
      [staff, 'dispatched', 'accepted'],
      [staff, 'completed', 'rated'],
      [{ kind: 'assignee' }, 'pending', 'dispatched'],
      [{ kind: 'assignee' }, 'dispatched', 'pending'],
      [{ kind: 'assignee' }, 'accepted', 'cancelled', { reason: '不想去' }],
      [{ kind: 'resident' }, 'pending', 'cancelled', { reason: '不用了' }],
      [{ kind: 'staff', role: 'reviewer', inScope: false }, 'pending', 'dispatched'],
      [staff, 'pending', 'dispatched', { assigned: false }],
      [staff, 'pending', 'dispatched', { scheduled: false }],
      [staff, 'pending', 'dispatched', { place: false }],
      [staff, 'pending', 'cancelled'],
    ]
    for (const [actor, from, to, extra] of refused) {
      const result = decide(actor, from, to, extra as never)
      expect(result, `${actor.kind} ${from}→${to}`).toMatchObject({
        ok: false,
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
      })
    }
  })

  it('a decline needs a reason and goes back to dispatch; staff may recall and cancel', () => {
    expect(
      decide({ kind: 'assignee' }, 'dispatched', 'pending', { reason: '那天要去县里培训' }),
    ).toEqual({
      ok: true,
      action: 'decline',
    })
    expect(decide(staff, 'dispatched', 'pending')).toEqual({ ok: true, action: 'recall' })
    expect(decide(staff, 'accepted', 'cancelled', { reason: '村里改期' })).toEqual({
      ok: true,
      action: 'cancel',
    })
    expect(decide(staff, 'dispatched', 'dispatched')).toEqual({ ok: true, action: null })
  })
})

describe('order figures', () => {
  it('medians, acceptance and ratings of a set of orders', () => {
    const at = (iso: string) => new Date(iso).toISOString()
    const row = figuresOf('t', '柳溪镇新时代文明实践所', [
      {
        org: 1,
        createdAt: at('2026-12-01T00:00:00Z'),
        dispatchedAt: at('2026-12-02T00:00:00Z'),
        rating: 5,
        actions: ['order', 'dispatch', 'accept', 'complete', 'rate'],
      },
      {
        org: 1,
        createdAt: at('2026-12-01T00:00:00Z'),
        dispatchedAt: at('2026-12-04T12:00:00Z'),
        rating: 3,
        actions: ['order', 'dispatch', 'decline', 'dispatch', 'accept'],
      },
      { org: 1, createdAt: at('2026-12-01T00:00:00Z'), actions: ['order'] },
    ])
    expect(row).toEqual({
      key: 't',
      name: '柳溪镇新时代文明实践所',
      orders: 3,
      medianDaysToDispatch: 2.3,
      acceptanceRate: 2 / 3,
      averageRating: 4,
      ratings: 2,
    })
    expect(figuresOf('e', '空', [])).toMatchObject({
      orders: 0,
      medianDaysToDispatch: null,
      acceptanceRate: null,
      averageRating: null,
    })
    expect(median([3, 1, 2])).toBe(2)
    expect(median([])).toBeNull()
  })
})
