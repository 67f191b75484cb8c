import { describe, expect, it } from 'vitest'

import { formatAge, formatDate, formatDateTime, timeZoneOr } from '@/lib/dates'

describe('dates for people', () => {
  // 2026-12-02 19:29 UTC is already 12月3日 03:29 in Beijing.
  const lateEvening = '2026-12-02T19:29:00.000Z'

  it('shows Beijing time by default, whatever zone the machine runs in', () => {
    expect(formatDateTime(lateEvening)).toBe('2026年12月3日 03:29')
    expect(formatDate(lateEvening)).toBe('2026年12月3日')
    expect(formatDateTime('2026-01-05T01:05:00.000Z')).toBe('2026年1月5日 09:05')
  })

  it('follows the zone the site settings choose', () => {
    expect(formatDateTime(lateEvening, 'UTC')).toBe('2026年12月2日 19:29')
    expect(formatDateTime(lateEvening, 'Asia/Urumqi')).toBe('2026年12月3日 01:29')
    expect(timeZoneOr('Asia/Urumqi')).toBe('Asia/Urumqi')
    expect(timeZoneOr('Mars/Olympus')).toBe('Asia/Shanghai')
    expect(timeZoneOr(null)).toBe('Asia/Shanghai')
  })

  it('shows nothing for no date or a broken one, and midnight as 00:xx', () => {
    expect(formatDateTime(null)).toBe('')
    expect(formatDate('not a date')).toBe('')
    expect(formatDateTime('2026-12-01T16:00:00.000Z')).toBe('2026年12月2日 00:00')
  })

  it('says how long ago in whole units', () => {
    const now = new Date('2026-12-02T12:00:00.000Z')
    expect(formatAge('2026-12-02T11:59:40.000Z', now)).toBe('刚刚')
    expect(formatAge('2026-12-02T11:48:00.000Z', now)).toBe('12 分钟')
    expect(formatAge('2026-12-02T07:00:00.000Z', now)).toBe('5 小时')
    expect(formatAge('2026-11-29T11:00:00.000Z', now)).toBe('3 天')
  })
})
