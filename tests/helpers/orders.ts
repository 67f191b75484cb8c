import { calendarDate } from '@/lib/dates'

/** A calendar date `days` after today (Beijing time), as the order form takes it. */
export function daysAhead(days: number): string {
  return calendarDate(new Date(Date.now() + days * 86_400_000))
}

let phoneCounter = 0
/** A fresh mainland mobile number, so per-phone limits of one test do not touch another. */
export function uniquePhone(): string {
  phoneCounter += 1
  const tail = `${Date.now() % 1_000_000}${phoneCounter}`.slice(-8).padStart(8, '0')
  return `139${tail}`
}

/** A complete, valid order as the form posts it (original content about our fictional county). */
export function orderForm(org: number | string, patch: Record<string, unknown> = {}) {
  return {
    name: '王秀兰',
    phone: uniquePhone(),
    org: String(org),
    resource: '',
    subject: '想请人讲讲新农合怎么在手机上缴费',
    preferredDates: [daysAhead(4), daysAhead(6)],
    audienceType: 'elderly',
    audienceSize: '40',
    note: '村委会二楼会议室，有投影。',
    website: '',
    ...patch,
  }
}
