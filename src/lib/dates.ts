/**
 * Dates and times for people, in Chinese and in one time zone (Beijing unless the site settings
 * say otherwise): "2026年12月2日" and "2026年12月2日 15:29". Used by the portal and the admin,
 * on the server and in the browser alike, so both show the same moment the same way whatever
 * zone the machine or the browser runs in.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export const TIME_ZONES = [
  { label: '北京时间（东八区）', value: 'Asia/Shanghai' },
  { label: '乌鲁木齐时间（东六区）', value: 'Asia/Urumqi' },
  { label: '香港时间（东八区）', value: 'Asia/Hong_Kong' },
  { label: '协调世界时（UTC）', value: 'UTC' },
] as const

export type TimeZone = (typeof TIME_ZONES)[number]['value']

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsOf(date: Date, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]))
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (!value) return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "2026年12月2日", or '' for no date. */
export function formatDate(
  value: Date | string | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const date = toDate(value)
  if (!date) return ''
  const { year, month, day } = partsOf(date, timeZone)
  return `${year}年${Number(month)}月${Number(day)}日`
}

/** "2026年12月2日 15:29", or '' for no date. */
export function formatDateTime(
  value: Date | string | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const date = toDate(value)
  if (!date) return ''
  const { year, month, day, hour, minute } = partsOf(date, timeZone)
  return `${year}年${Number(month)}月${Number(day)}日 ${hour}:${minute}`
}

/** How long ago, in whole units: "刚刚", "12 分钟", "5 小时", "3 天". */
export function formatAge(value: Date | string | null | undefined, now = new Date()): string {
  const date = toDate(value)
  if (!date) return ''
  const minutes = Math.max(0, Math.floor((now.getTime() - date.getTime()) / 60_000))
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时`
  return `${Math.floor(hours / 24)} 天`
}

/** A configured zone if it is one we offer, else Beijing time. */
export function timeZoneOr(value: string | null | undefined): string {
  return TIME_ZONES.some((zone) => zone.value === value) ? (value as string) : DEFAULT_TIME_ZONE
}

/** The calendar date `YYYY-MM-DD` of a moment in the given time zone (Beijing time by default). */
export function calendarDate(
  value: Date = new Date(),
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const { year, month, day } = partsOf(value, timeZone)
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}
