import type { Payload } from 'payload'

import { timeZoneOr } from '@/lib/dates'

export type OrderSettings = { overdueDays: number; phoneRetentionDays: number; timeZone: string }

/** The order settings of `site` (派单时限, 手机号保留天数) with their defaults. */
export async function orderSettings(payload: Payload): Promise<OrderSettings> {
  const site = await payload.findGlobal({
    slug: 'site',
    depth: 0,
    select: { orders: true, timeZone: true },
    overrideAccess: true,
  })
  const orders = (site as { orders?: { overdueDays?: number; phoneRetentionDays?: number } }).orders
  return {
    overdueDays: orders?.overdueDays ?? 3,
    phoneRetentionDays: orders?.phoneRetentionDays ?? 30,
    timeZone: timeZoneOr(site.timeZone),
  }
}

const DAY = 86_400_000

/** Orders still pending when created before this moment are overdue. */
export function overdueBefore(settings: OrderSettings, now = new Date()): Date {
  return new Date(now.getTime() - settings.overdueDays * DAY)
}

/** Closed orders whose phone is erased: closed before this moment. */
export function eraseBefore(settings: OrderSettings, now = new Date()): Date {
  return new Date(now.getTime() - settings.phoneRetentionDays * DAY)
}
