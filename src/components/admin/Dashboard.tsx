import type { Payload, PayloadRequest, Where } from 'payload'

import { readOrders } from '@/access/orders'
import { OrderCharts } from '@/components/orders/OrderCharts'
import { orderFigures } from '@/data/orderFigures'

import { loadDashboard, type DashboardItem, type ScheduledItem } from '@/data/dashboard'
import { siteTimeZone } from '@/data/siteTimeZone'
import { formatAge, formatDateTime } from '@/lib/dates'
import { KIND_LABELS } from '@/lib/kinds'
import { labelOf, ROLES } from '@/lib/vocabulary'
import type { Org, User } from '@/payload-types'

import './Dashboard.scss'

type Props = { payload: Payload; user?: User | null }

async function orgNameOf(payload: Payload, org: User['org']): Promise<string | null> {
  if (org && typeof org === 'object') return (org as Org).name
  if (org === null || org === undefined) return null
  const found = await payload.findByID({
    collection: 'orgs',
    id: org,
    depth: 0,
    overrideAccess: true,
  })
  return found?.name ?? null
}

const editPath = (item: DashboardItem) => `/admin/collections/${item.kind}/${item.id}`

function Section({
  title,
  empty,
  items,
  render,
  testId,
}: {
  title: string
  empty: string
  items: DashboardItem[]
  render: (item: DashboardItem) => React.ReactNode
  testId: string
}) {
  return (
    <section aria-label={title} className="ph-dashboard__section" data-testid={testId}>
      <h2>
        {title}
        <span className="ph-dashboard__count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="ph-dashboard__empty">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <a href={editPath(item)}>
                <span className="ph-dashboard__kind">{KIND_LABELS[item.kind].short}</span>
                <span className="ph-dashboard__title">{item.title}</span>
              </a>
              <div className="ph-dashboard__meta">{render(item)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * The admin's start page for the person signed in, above Payload's collection tiles:
 * reviewers see what waits for them (with its age) and what they scheduled; editors and
 * lecturers their drafts and the work returned to them with the reviewer's comment; everyone
 * the latest publications of their scope and its figures. Each item links to the document.
 */
export async function PersonalDashboard({ payload, user }: Props) {
  if (!user) return null
  const [board, timeZone, orders] = await Promise.all([
    loadDashboard(payload, user),
    siteTimeZone(payload),
    scopedOrderFigures(payload, user),
  ])
  const when = (iso: string | null) => formatDateTime(iso, timeZone)
  const orgName = await orgNameOf(payload, user.org)
  const now = new Date()
  return (
    <div className="ph-dashboard">
      <p className="ph-dashboard__hello">
        <span className="ph-dashboard__name">
          <strong>{user.name}</strong>，你好
        </span>
        <span>
          {labelOf(ROLES, user.role)}
          {orgName ? ` · ${orgName}` : ''}
        </span>
      </p>
      <div className="ph-dashboard__grid">
        {board.reviewing ? (
          <>
            <Section
              empty="没有等待审核的稿件。"
              items={board.waiting}
              render={(item) => (
                <>
                  已等待 {formatAge(item.since, now)}
                  {item.by ? ` · ${item.by} 提交` : ''}
                </>
              )}
              testId="dashboard-waiting"
              title="待我审核"
            />
            <Section
              empty="没有尚未执行的定时发布。"
              items={board.scheduled}
              render={(item) => {
                const scheduled = item as ScheduledItem
                return `${scheduled.type === 'unpublish' ? '定时撤下' : '定时发布'} · ${when(scheduled.at)}`
              }}
              testId="dashboard-scheduled"
              title="我安排的定时发布"
            />
          </>
        ) : (
          <>
            <Section
              empty="没有退回的稿件。"
              items={board.returned}
              render={(item) => (
                <>
                  <span>
                    {item.by ? `${item.by} 退回` : '退回'} · {when(item.since)}
                  </span>
                  {item.comment ? (
                    <blockquote className="ph-dashboard__comment">{item.comment}</blockquote>
                  ) : null}
                </>
              )}
              testId="dashboard-returned"
              title="退回待改"
            />
            <Section
              empty="没有草稿。"
              items={board.drafts}
              render={(item) => `最后保存 · ${when(item.since)}`}
              testId="dashboard-drafts"
              title="我的草稿"
            />
          </>
        )}
        <Section
          empty="范围内还没有发布的资源。"
          items={board.published}
          render={(item) => `发布于 ${when(item.since)}`}
          testId="dashboard-published"
          title="最近发布"
        />
        <section
          aria-label="本单位数据"
          className="ph-dashboard__section"
          data-testid="dashboard-figures"
        >
          <h2>本单位数据</h2>
          <table className="ph-dashboard__figures">
            <thead>
              <tr>
                <th scope="col">类型</th>
                <th scope="col">已发布</th>
                <th scope="col">待审</th>
                <th scope="col">退回</th>
                <th scope="col">草稿</th>
              </tr>
            </thead>
            <tbody>
              {board.figures.map((row) => (
                <tr key={row.kind}>
                  <th scope="row">
                    <a href={`/admin/collections/${row.kind}`}>{KIND_LABELS[row.kind].short}</a>
                  </th>
                  <td>{row.published}</td>
                  <td>{row.submitted}</td>
                  <td>{row.returned}</td>
                  <td>{row.draft}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {orders ? (
          <section
            aria-label="点单数据"
            className="ph-dashboard__section ph-dashboard__orders"
            data-testid="dashboard-orders"
          >
            <h2>点单数据</h2>
            <OrderCharts rows={orders.byTownship} total={orders.total} idPrefix="admin-orders" />
          </section>
        ) : null}
      </div>
    </div>
  )
}

/** The 点单 figures of the orders the user sees (their scope; a lecturer's own orders). */
async function scopedOrderFigures(payload: Payload, user: User) {
  const req = { payload, user, context: {} } as unknown as PayloadRequest
  const where = await readOrders({ req } as Parameters<typeof readOrders>[0])
  if (where === false) return null
  return orderFigures(payload, where === true ? undefined : (where as Where))
}
