import type { Payload, Where } from 'payload'

import { idOf, type DocId } from '@/lib/ids'
import { figuresOf, type OrderFact, type OrderFigureRow } from '@/lib/orders/figures'
import { ancestorIds } from '@/lib/tree'
import type { Order } from '@/payload-types'

import { listOrgs } from './taxonomy'
import type { OrgNode } from './types'

export type OrderFigures = { total: OrderFigureRow; byTownship: OrderFigureRow[] }

/**
 * 点单 figures per township (the institute above each village), over the orders `where` selects
 * (the whole county on the portal, the user's scope in the admin). Reads only dates, the rating
 * and the timeline's actions: nothing about who ordered.
 */
export async function orderFigures(payload: Payload, where?: Where): Promise<OrderFigures> {
  const [{ docs: orders }, orgs] = await Promise.all([
    payload.find({
      collection: 'orders',
      where,
      pagination: false,
      limit: 0,
      depth: 0,
      select: {
        org: true,
        createdAt: true,
        dispatchedAt: true,
        rating: true,
        timeline: { action: true },
      },
      overrideAccess: true,
    }),
    listOrgs(),
  ])
  const nodes = orgs.map((org) => ({ id: org.id, parent: org.parent }))
  const byId = new Map(orgs.map((org) => [String(org.id), org]))
  const townshipOf = (orgId: DocId | null): OrgNode | null => {
    if (orgId === null) return null
    for (const id of [orgId, ...ancestorIds(nodes, orgId)]) {
      const org = byId.get(String(id))
      if (org?.level === 'institute') return org
    }
    return null
  }
  const facts = (orders as Order[]).map(
    (order): OrderFact & { township: OrgNode | null } => ({
      org: idOf(order.org),
      township: townshipOf(idOf(order.org)),
      createdAt: order.createdAt,
      dispatchedAt: order.dispatchedAt,
      rating: order.rating,
      actions: (order.timeline ?? []).map((entry) => entry.action ?? ''),
    }),
  )
  const townships = orgs.filter(
    (org) => org.level === 'institute' && facts.some((fact) => fact.township?.id === org.id),
  )
  return {
    total: figuresOf('total', '合计', facts),
    byTownship: townships.map((org) =>
      figuresOf(
        org.slug || String(org.id),
        org.name,
        facts.filter((fact) => fact.township?.id === org.id),
      ),
    ),
  }
}
