import type { Payload, Where } from 'payload'

import { orderSettings, overdueBefore } from '@/lib/orders/settings'
import type { User } from '@/payload-types'

export type OrderQueueLine = { key: string; label: string; count: number; href: string }

const LIST = '/admin/collections/orders'

/** `?where[a][equals]=b&…` for the admin list of orders. */
function listHref(filters: [string, string, string][]): string {
  const query = filters
    .map(
      ([field, operator, value], index) =>
        `where[and][${index}][${field}][${operator}]=${encodeURIComponent(value)}`,
    )
    .join('&')
  return `${LIST}?${query}`
}

/**
 * The admin navigation's 点单 box, counted with the user's own access (so in their scope): for
 * staff, orders waiting for dispatch, those overdue (older than the site's 派单时限) and ratings
 * whose comment waits for approval; for a lecturer, 我的派单 (dispatched to them, to accept) and
 * what they accepted.
 */
export async function orderQueue(payload: Payload, user: User): Promise<OrderQueueLine[]> {
  const count = async (where: Where) =>
    (await payload.count({ collection: 'orders', where, user, overrideAccess: false })).totalDocs
  if (user.role === 'lecturer') {
    const [toAccept, accepted] = await Promise.all([
      count({ status: { equals: 'dispatched' } }),
      count({ status: { equals: 'accepted' } }),
    ])
    return [
      {
        key: 'dispatched',
        label: '待我接单',
        count: toAccept,
        href: listHref([['status', 'equals', 'dispatched']]),
      },
      {
        key: 'accepted',
        label: '已接待讲',
        count: accepted,
        href: listHref([['status', 'equals', 'accepted']]),
      },
    ]
  }
  const cutoff = overdueBefore(await orderSettings(payload)).toISOString()
  const [pending, overdue, comments] = await Promise.all([
    count({ status: { equals: 'pending' } }),
    count({ and: [{ status: { equals: 'pending' } }, { createdAt: { less_than: cutoff } }] }),
    count({ commentReview: { equals: 'pending' } }),
  ])
  return [
    {
      key: 'pending',
      label: '待派单',
      count: pending,
      href: listHref([['status', 'equals', 'pending']]),
    },
    {
      key: 'overdue',
      label: '逾期未派',
      count: overdue,
      href: listHref([
        ['status', 'equals', 'pending'],
        ['createdAt', 'less_than', cutoff],
      ]),
    },
    {
      key: 'comments',
      label: '评价待审',
      count: comments,
      href: listHref([['commentReview', 'equals', 'pending']]),
    },
  ]
}
