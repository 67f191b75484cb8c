import type { Metadata } from 'next'

import { CacheTags } from '@/components/CacheTags'
import { PortalLink } from '@/components/PortalLink'
import { OrderCharts } from '@/components/orders/OrderCharts'
import { TAGS } from '@/data/cacheTags'
import { orderFigures } from '@/data/orderFigures'
import { payloadClient } from '@/data/payload'

import '../orders.css'

export const revalidate = false

export const metadata: Metadata = {
  title: '点单数据',
  description: '各乡镇群众点单、派单用时、接单率和评分。',
  alternates: { canonical: '/orders/figures' },
}

/**
 * The county's 点单 figures for everyone: orders per township, median days to dispatch,
 * acceptance rate and average rating. Aggregates only; refreshed by every step of any order.
 */
export default async function OrderFiguresPage() {
  const figures = await orderFigures(await payloadClient())
  return (
    <div className="detail order-page order-figures">
      <CacheTags tags={[TAGS.orderFigures]} />
      <h1>点单数据</h1>
      <p className="lead">
        群众点单、实践站派单、宣讲员接单、群众评单，每一步都记在这里。想请人来讲？
        <PortalLink href="/orders">去点单</PortalLink>
      </p>
      <OrderCharts rows={figures.byTownship} total={figures.total} />
    </div>
  )
}
