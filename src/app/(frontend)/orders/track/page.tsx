import type { Metadata } from 'next'

import { orderApiOrigin } from '@/lib/orders/cors'

import '../orders.css'
import { TAGS } from '@/data/cacheTags'
import { CacheTags } from '@/components/CacheTags'

export const revalidate = false

export const metadata: Metadata = {
  title: '我的点单',
  robots: { index: false, follow: false },
  alternates: { canonical: '/orders/track' },
  // The tracking link is private: never pass it on in a Referer.
  referrer: 'no-referrer',
}

/** 我的点单: one order's progress behind its private link (#token), or the orders saved here. */
export default function TrackPage() {
  return (
    <div className="detail order-page">
      <CacheTags tags={[TAGS.structure]} />
      <h1>我的点单</h1>
      {/* Drawn by public/orders.js from the token in the address's #fragment. */}
      <div
        data-order-track=""
        data-order-api={orderApiOrigin()}
        dangerouslySetInnerHTML={{
          __html:
            '<noscript><p class="form-summary">查看订单需要浏览器允许运行脚本。</p></noscript>',
        }}
      />
      <script src="/orders.js" defer data-export="keep" />
      <p className="order-hint">
        想再点一堂？<a href="/orders">去点单</a>
      </p>
    </div>
  )
}
