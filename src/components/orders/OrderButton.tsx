import type { OrderableKind } from '@/lib/orders/submission'

/** What the 点单 link says on each kind's page and widget. */
export const ORDER_LABELS: Record<OrderableKind, string> = {
  scripts: '预约这堂课',
  videos: '请人来村里讲',
  cases: '预约这个项目',
}

/** 点单 from a resource page: the order form with this resource filled in. */
export function OrderButton({ kind, slug }: { kind: OrderableKind; slug: string }) {
  return (
    <a
      className="tool-button order-button"
      href={`/orders?resource=${kind}/${encodeURIComponent(slug)}`}
      data-testid="order-button"
    >
      {ORDER_LABELS[kind]}
    </a>
  )
}
