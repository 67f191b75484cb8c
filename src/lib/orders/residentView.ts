import type { Payload } from 'payload'

import { idOf } from '@/lib/ids'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'
import { labelOf, AUDIENCES } from '@/lib/vocabulary'

import { isOrderableKind, type OrderableKind } from './submission'
import { actionLabel, statusLabel, type OrderStatus } from './workflow'

/**
 * What the resident's tracking link shows: the order's progress, and nothing personal or
 * internal (no phone, no staff names, no notes between staff).
 */
export type ResidentOrderView = {
  number: string
  status: OrderStatus
  statusLabel: string
  createdAt: string
  resource: { kind: string; kindLabel: string; title: string; url: string } | null
  subject: string | null
  preferredDates: string[]
  audience: string
  audienceSize: number | null
  scheduledAt: string | null
  place: string | null
  lecturer: { name: string; kind: string } | null
  timeline: { at: string; action: string; label: string }[]
  rating: number | null
  canRate: boolean
}

type StoredOrder = Record<string, unknown> & { id: number | string }

async function publishedTitle(
  payload: Payload,
  collection: OrderableKind,
  id: unknown,
): Promise<{ title: string; slug: string } | null> {
  const docId = idOf(id)
  if (docId === null) return null
  const { docs } = await payload.find({
    collection,
    where: { and: [{ id: { equals: docId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    select: { title: true, slug: true },
    overrideAccess: false,
  })
  const doc = docs[0] as { title?: string; slug?: string } | undefined
  return doc?.title && doc.slug ? { title: doc.title, slug: doc.slug } : null
}

export async function residentView(
  payload: Payload,
  order: StoredOrder,
): Promise<ResidentOrderView> {
  const relation = order.resource as { relationTo?: string; value?: unknown } | null | undefined
  let resource: ResidentOrderView['resource'] = null
  const kind = relation?.relationTo
  if (isOrderableKind(kind)) {
    const found = await publishedTitle(payload, kind, relation?.value)
    if (found) {
      resource = {
        kind,
        kindLabel: KIND_LABELS[kind].name,
        title: found.title,
        url: resourcePath(kind, found.slug),
      }
    }
  }
  let lecturer: ResidentOrderView['lecturer'] = null
  const assigneeId = idOf(order.assignee)
  if (assigneeId !== null) {
    const { docs } = await payload.find({
      collection: 'lecturers',
      where: { and: [{ id: { equals: assigneeId } }, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: 1,
      select: { displayName: true, kind: true },
      overrideAccess: false,
    })
    const profile = docs[0] as { displayName?: string; kind?: string } | undefined
    if (profile?.displayName) {
      lecturer = { name: profile.displayName, kind: profile.kind === 'team' ? '宣讲团' : '宣讲员' }
    }
  }
  const status = order.status as OrderStatus
  const dispatchedOrLater =
    status === 'dispatched' || status === 'accepted' || status === 'completed' || status === 'rated'
  const timeline = Array.isArray(order.timeline)
    ? (order.timeline as Record<string, unknown>[])
    : []
  return {
    number: String(order.number),
    status,
    statusLabel: statusLabel(status),
    createdAt: String(order.createdAt),
    resource,
    subject: (order.subject as string | null) ?? null,
    preferredDates: Array.isArray(order.preferredDates) ? (order.preferredDates as string[]) : [],
    audience: labelOf(AUDIENCES, order.audienceType as string),
    audienceSize: typeof order.audienceSize === 'number' ? order.audienceSize : null,
    scheduledAt: dispatchedOrLater ? ((order.scheduledAt as string | null) ?? null) : null,
    place: dispatchedOrLater ? ((order.place as string | null) ?? null) : null,
    lecturer: dispatchedOrLater ? lecturer : null,
    timeline: timeline.map((entry) => ({
      at: String(entry.at),
      action: String(entry.action),
      label: actionLabel(entry.action as string),
    })),
    rating: typeof order.rating === 'number' ? order.rating : null,
    canRate: status === 'completed',
  }
}
