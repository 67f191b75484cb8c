import type { Payload } from 'payload'

import { reviewQueueCounts } from '@/data/reviewQueue'
import { KIND_LABELS } from '@/lib/kinds'
import type { User } from '@/payload-types'

import './ReviewQueue.scss'

type Props = { payload: Payload; user?: User | null }

/**
 * The admin's "待我审核" box in the navigation: for reviewers, what waits for review in their
 * scope; for editors and lecturers, what was returned to them. Each line links to the
 * filtered list.
 */
export async function ReviewQueue({ payload, user }: Props) {
  if (!user) return null
  const reviewing = user.role === 'admin' || user.role === 'reviewer'
  const state = reviewing ? 'submitted' : 'returned'
  const counts = await reviewQueueCounts(payload, user, state)
  const total = counts.reduce((sum, { count }) => sum + count, 0)
  return (
    <nav className="review-queue" aria-label={reviewing ? '待我审核' : '退回待改'}>
      <p className="review-queue__title">
        {reviewing ? '待我审核' : '退回待改'}
        <span className="review-queue__total" data-testid="review-queue-total">
          {total}
        </span>
      </p>
      <ul>
        {counts.map(({ kind, count }) => (
          <li key={kind}>
            <a href={`/admin/collections/${kind}?where[reviewState][equals]=${state}`}>
              {KIND_LABELS[kind].name}
              <span className={count > 0 ? 'review-queue__count is-active' : 'review-queue__count'}>
                {count}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
