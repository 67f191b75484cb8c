import { AUDIENCES, type Audience } from '@/lib/vocabulary'

/**
 * The public order form (点单), checked field by field before anything is stored. Pure: the
 * endpoint then checks what needs the database (the org exists and is a village or community,
 * the resource is published).
 */

/** Kinds of public pages an order can start from. */
export const ORDERABLE_KINDS = ['scripts', 'videos', 'cases'] as const
export type OrderableKind = (typeof ORDERABLE_KINDS)[number]

export function isOrderableKind(value: unknown): value is OrderableKind {
  return (ORDERABLE_KINDS as readonly unknown[]).includes(value)
}

export const ORDER_LIMITS = {
  nameMax: 20,
  subjectMin: 4,
  subjectMax: 200,
  noteMax: 500,
  datesMax: 3,
  /** Preferred dates lie between tomorrow and this many days ahead. */
  daysAhead: 180,
  audienceMax: 5000,
} as const

/** The honeypot: a field hidden from people; a bot that fills it is refused. */
export const HONEYPOT_FIELD = 'website'

export type OrderSubmission = {
  name: string
  /** Eleven digits, 1[3-9]xxxxxxxxx. */
  phone: string
  /** The raw org id as sent (checked against the database by the endpoint). */
  org: string
  resource: { kind: OrderableKind; slug: string } | null
  /** The lecturer or team asked for by name (from their profile), by slug. */
  lecturer: string | null
  subject: string | null
  /** `YYYY-MM-DD`, sorted, without duplicates. */
  preferredDates: string[]
  audienceType: Audience
  audienceSize: number
  note: string | null
}

export type FieldErrors = Partial<
  Record<keyof OrderSubmission | 'form' | 'score' | 'comment', string>
>

export type ParsedSubmission =
  { ok: true; value: OrderSubmission } | { ok: false; errors: FieldErrors }

// Control and invisible direction characters (line breaks allowed where a field may span lines).
export const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\uFEFF]/
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F\u200B-\u200F\u2028-\u202E\uFEFF]/
const NAME = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·• ]*$/u
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A mainland mobile number in its eleven-digit form, or null: spaces, dashes and +86 allowed. */
export function normalizePhone(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const digits = raw.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

/** 138****1234: what lists and the lecturer see. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

function text(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null
  if (typeof raw !== 'string') return null
  return raw.normalize('NFC').trim()
}

/** Whole days between two calendar dates `YYYY-MM-DD`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** `scripts/slug` → its parts, or null. */
export function parseResourceKey(raw: string): { kind: OrderableKind; slug: string } | null {
  const [kind, slug, ...rest] = raw.split('/')
  if (rest.length > 0 || !kind || !slug || slug.length > 120) return null
  if (!isOrderableKind(kind) || !SLUG.test(slug)) return null
  return { kind, slug }
}

/**
 * Checks an order as posted (JSON or form fields as strings). `today` is the calendar date in the
 * site's time zone. Every field with a problem gets its own Chinese message.
 */
export function parseOrderSubmission(body: unknown, today: string): ParsedSubmission {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: { form: '提交的内容无效，请刷新页面后重新填写' } }
  }
  const input = body as Record<string, unknown>
  const errors: FieldErrors = {}

  const name = text(input.name)
  if (!name) errors.name = '请填写联系人姓名'
  else if (CONTROL_SINGLE_LINE.test(name) || !NAME.test(name))
    errors.name = '姓名只能包含汉字、字母和间隔号'
  else if ([...name].length < 2 || [...name].length > ORDER_LIMITS.nameMax)
    errors.name = `姓名应为 2–${ORDER_LIMITS.nameMax} 个字`

  const phone = normalizePhone(input.phone)
  if (input.phone === undefined || input.phone === null || input.phone === '')
    errors.phone = '请填写手机号码'
  else if (!phone) errors.phone = '请填写 11 位大陆手机号码，如 13812345678'

  const orgRaw = typeof input.org === 'number' ? String(input.org) : text(input.org)
  if (!orgRaw) errors.org = '请选择所在的村或社区'
  else if (!/^[A-Za-z0-9]{1,32}$/.test(orgRaw)) errors.org = '所选的村或社区无效'

  let resource: OrderSubmission['resource'] = null
  const resourceRaw = text(input.resource)
  if (resourceRaw) {
    resource = parseResourceKey(resourceRaw)
    if (!resource) errors.resource = '所选的宣讲资源无效'
  } else if (input.resource !== undefined && input.resource !== null && input.resource !== '') {
    errors.resource = '所选的宣讲资源无效'
  }

  let lecturer: string | null = null
  const lecturerRaw = text(input.lecturer)
  if (lecturerRaw) {
    if (SLUG.test(lecturerRaw) && lecturerRaw.length <= 120) lecturer = lecturerRaw
    else errors.lecturer = '所选的宣讲员无效'
  } else if (input.lecturer !== undefined && input.lecturer !== null && input.lecturer !== '') {
    errors.lecturer = '所选的宣讲员无效'
  }

  const subject = text(input.subject)
  if (input.subject !== undefined && input.subject !== null && typeof input.subject !== 'string')
    errors.subject = '需求内容应为文字'
  else if (subject && CONTROL.test(subject)) errors.subject = '需求内容含有无效字符'
  else if (subject && [...subject].length > ORDER_LIMITS.subjectMax)
    errors.subject = `需求内容最多 ${ORDER_LIMITS.subjectMax} 字`
  else if (!resourceRaw && !subject) errors.subject = '请写下想听的内容，或从资源页点单'
  else if (!resourceRaw && subject && [...subject].length < ORDER_LIMITS.subjectMin)
    errors.subject = `请把想听的内容写具体一些（至少 ${ORDER_LIMITS.subjectMin} 个字）`

  const datesRaw = Array.isArray(input.preferredDates)
    ? input.preferredDates
    : typeof input.preferredDates === 'string'
      ? input.preferredDates.split(/[,，\s]+/).filter(Boolean)
      : input.preferredDates === undefined || input.preferredDates === null
        ? []
        : null
  let preferredDates: string[] = []
  if (datesRaw === null || datesRaw.some((date) => typeof date !== 'string')) {
    errors.preferredDates = '希望日期格式无效'
  } else {
    const dates = (datesRaw as string[]).map((date) => date.trim()).filter(Boolean)
    if (dates.length === 0) errors.preferredDates = '请至少选择一个希望的日期'
    else if (dates.length > ORDER_LIMITS.datesMax)
      errors.preferredDates = `最多选择 ${ORDER_LIMITS.datesMax} 个希望的日期`
    else if (!dates.every(isCalendarDate))
      errors.preferredDates = '日期格式应为 2026-12-08 这样的年-月-日'
    else if (dates.some((date) => daysBetween(today, date) < 1))
      errors.preferredDates = '希望日期应从明天开始'
    else if (dates.some((date) => daysBetween(today, date) > ORDER_LIMITS.daysAhead))
      errors.preferredDates = `只能预约 ${ORDER_LIMITS.daysAhead} 天以内的日期`
    else if (new Set(dates).size !== dates.length) errors.preferredDates = '希望日期有重复'
    else preferredDates = [...dates].sort()
  }

  const audienceType = text(input.audienceType)
  if (!audienceType) errors.audienceType = '请选择听众类型'
  else if (!AUDIENCES.some((option) => option.value === audienceType))
    errors.audienceType = '所选的听众类型无效'

  const sizeRaw =
    typeof input.audienceSize === 'string' ? input.audienceSize.trim() : input.audienceSize
  const audienceSize =
    typeof sizeRaw === 'number'
      ? sizeRaw
      : typeof sizeRaw === 'string' && /^\d{1,6}$/.test(sizeRaw)
        ? Number(sizeRaw)
        : Number.NaN
  if (sizeRaw === undefined || sizeRaw === null || sizeRaw === '')
    errors.audienceSize = '请填写大约的听众人数'
  else if (!Number.isInteger(audienceSize) || audienceSize < 1)
    errors.audienceSize = '听众人数应为正整数'
  else if (audienceSize > ORDER_LIMITS.audienceMax)
    errors.audienceSize = `听众人数最多 ${ORDER_LIMITS.audienceMax} 人，更大的活动请直接联系实践中心`

  const note = text(input.note)
  if (input.note !== undefined && input.note !== null && typeof input.note !== 'string')
    errors.note = '备注应为文字'
  else if (note && CONTROL.test(note)) errors.note = '备注含有无效字符'
  else if (note && [...note].length > ORDER_LIMITS.noteMax)
    errors.note = `备注最多 ${ORDER_LIMITS.noteMax} 字`

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name: name!,
      phone: phone!,
      org: orgRaw!,
      resource,
      lecturer,
      subject: subject || null,
      preferredDates,
      audienceType: audienceType as Audience,
      audienceSize,
      note: note || null,
    },
  }
}

/** Whether the hidden honeypot field was filled (by a bot). */
export function isHoneypotFilled(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false
  const value = (body as Record<string, unknown>)[HONEYPOT_FIELD]
  return value !== undefined && value !== null && value !== ''
}
