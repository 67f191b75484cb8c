import type { Metadata } from 'next'

import { OrderForm, type OrgChoice } from '@/components/orders/OrderForm'
import { listOrgs } from '@/data/taxonomy'
import { orderApiOrigin } from '@/lib/orders/cors'
import { AUDIENCES } from '@/lib/vocabulary'

import './orders.css'
import { TAGS } from '@/data/cacheTags'
import { CacheTags } from '@/components/CacheTags'

export const revalidate = false

export const metadata: Metadata = {
  title: '点单：预约一堂宣讲',
  description: '说出想听的内容，实践站派宣讲员上门来讲。',
  alternates: { canonical: '/orders' },
}

/** Villages and communities (stations) under their township, for the form's picker. */
async function villageChoices(): Promise<OrgChoice[]> {
  const orgs = await listOrgs()
  const names = new Map(orgs.map((org) => [String(org.id), org.name]))
  const groups = new Map<string, OrgChoice>()
  for (const org of orgs) {
    if (org.level !== 'station') continue
    const township = names.get(String(org.parent)) ?? '其他'
    const group = groups.get(township) ?? { township, villages: [] }
    group.villages.push({ id: String(org.id), name: org.name })
    groups.set(township, group)
  }
  return [...groups.values()]
}

/**
 * 点单: a resident asks for a talk (a resource from the portal, or in their own words). The
 * station or institute that covers their village dispatches a lecturer. Rendered once (the
 * village list changes with the org tree, which refreshes the whole portal).
 */
export default async function OrderPage() {
  return (
    <div className="detail order-page">
      <CacheTags tags={[TAGS.structure]} />
      <h1>点单：预约一堂宣讲</h1>
      <p className="lead">
        想听什么，写下来；哪天方便，选一选。所在村（社区）的实践站收到后会派宣讲员，讲完请你打个分。
      </p>
      <OrderForm
        apiOrigin={orderApiOrigin()}
        orgs={await villageChoices()}
        audiences={AUDIENCES.map(({ value, label }) => ({ value, label }))}
      />
      <p className="order-hint">
        已经点过单？到 <a href="/orders/track">我的点单</a> 查看进度。
      </p>
      <noscript>
        <p className="form-summary">点单需要浏览器允许运行脚本；也可以直接到所在村的实践站登记。</p>
      </noscript>
      <script src="/orders.js" defer data-export="keep" />
    </div>
  )
}
