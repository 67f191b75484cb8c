import type { Payload } from 'payload'

import { orderQueue } from '@/data/orderQueue'
import type { User } from '@/payload-types'

import './ReviewQueue.scss'

type Props = { payload: Payload; user?: User | null }

/**
 * The admin navigation's 点单 box: 待派单 / 逾期未派 / 评价待审 for staff in their scope, 我的派单
 * for lecturers. Each line links to the filtered list of orders.
 */
export async function OrderQueue({ payload, user }: Props) {
  if (!user) return null
  const lines = await orderQueue(payload, user)
  const title = user.role === 'lecturer' ? '我的派单' : '点单待办'
  return (
    <nav className="review-queue" aria-label={title} data-testid="order-queue">
      <p className="review-queue__title">{title}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>
            <a href={line.href} data-testid={`order-queue-${line.key}`}>
              {line.label}
              <span
                className={line.count > 0 ? 'review-queue__count is-active' : 'review-queue__count'}
              >
                {line.count}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
