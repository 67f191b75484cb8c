import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { inScope, orgScope } from '@/access/scope'
import { idOf } from '@/lib/ids'
import { maskPhone } from '@/lib/orders/submission'
import { decideOrderTransition, type OrderActor, type OrderStatus } from '@/lib/orders/workflow'
import type { User } from '@/payload-types'

/** Set by the tracking endpoint: this write is the resident's rating. */
export const RESIDENT_WRITE = 'orders:resident'

/** What an assigned lecturer may change: the status (accept, decline, complete) and the reason. */
const ASSIGNEE_FIELDS = new Set(['status', 'reason', 'updatedAt'])

type TimelineEntry = { at: string; action: string; byName: string; note?: string | null }

function refuse(req: PayloadRequest, path: string, message: string): never {
  throw new ValidationError(
    {
      collection: 'orders',
      errors: [{ path, label: path === 'status' ? '状态' : path, message }],
      req,
    },
    req.t,
  )
}

async function actorOf(
  req: PayloadRequest,
  originalDoc: Record<string, unknown> | undefined,
  org: unknown,
): Promise<OrderActor> {
  if (req.context[RESIDENT_WRITE]) return { kind: 'resident' }
  const user = req.user as User | null | undefined
  if (!user) return { kind: 'system' }
  if (user.role === 'lecturer') {
    if (String(idOf(originalDoc?.assignedUser)) === String(user.id)) return { kind: 'assignee' }
    refuse(req, 'status', '只有被派单的宣讲员可以处理这张订单')
  }
  const scope = await orgScope(req)
  const covers = inScope(scope, idOf(originalDoc?.org)) && inScope(scope, idOf(org))
  return { kind: 'staff', role: user.role, inScope: covers }
}

/** The account linked to a lecturer profile (null when none): it sees the order in 我的派单. */
async function accountOf(req: PayloadRequest, lecturerId: unknown): Promise<unknown> {
  const id = idOf(lecturerId)
  if (id === null) return null
  const profile = await req.payload
    .findByID({
      collection: 'lecturers',
      id,
      depth: 0,
      overrideAccess: true,
      draft: false,
      req,
      select: { account: true },
    })
    .catch(() => null)
  if (!profile) refuse(req, 'assignee', '所选的宣讲员不存在')
  return idOf(profile.account)
}

/**
 * The 点单 state machine on every write to an order (src/lib/orders/workflow.ts decides): who may
 * move it where, what each step needs, and the append-only timeline (who, when, what). A new
 * order starts pending with its first timeline entry; a lecturer's write keeps every field except
 * the status and the reason.
 */
export const enforceOrderWorkflow: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const now = new Date().toISOString()
  if (operation === 'create') {
    data.status = 'pending'
    data.phoneMasked = maskPhone(data.phone)
    data.timeline = [{ at: now, action: 'order', byName: '点单群众', note: null }]
    data.reason = null
    return data
  }
  const original = (originalDoc ?? {}) as Record<string, unknown>
  const actor = await actorOf(req, original, data.org ?? original.org)
  if (actor.kind === 'assignee') {
    for (const key of Object.keys(data)) {
      if (!ASSIGNEE_FIELDS.has(key)) data[key] = original[key]
    }
  }
  const from = (original.status as OrderStatus | undefined) ?? 'pending'
  const to = (data.status as OrderStatus | undefined) ?? from
  const assignee = data.assignee === undefined ? original.assignee : data.assignee
  const assigneeChanged = String(idOf(assignee)) !== String(idOf(original.assignee))
  if (assigneeChanged && actor.kind === 'staff' && !['pending', 'dispatched'].includes(to)) {
    refuse(req, 'assignee', '只有待派单或已派单的订单可以更换宣讲员')
  }
  const reason = typeof data.reason === 'string' ? data.reason.trim() : ''
  const result = decideOrderTransition({
    actor,
    from,
    to,
    assigned: idOf(assignee) !== null,
    scheduled: Boolean(data.scheduledAt ?? original.scheduledAt),
    place: Boolean(String(data.place ?? original.place ?? '').trim()),
    reason,
  })
  if (!result.ok) refuse(req, result.field, result.message)
  // Re-dispatching to someone else is logged as a dispatch too.
  const action =
    result.action ?? (assigneeChanged && to === 'dispatched' ? ('dispatch' as const) : null)

  data.assignedUser = await accountOf(req, assignee)
  if (action === 'decline') {
    // Back to the dispatcher: nobody holds it until it is dispatched again.
    data.assignee = null
    data.assignedUser = null
  }
  if (action === 'dispatch' && !original.dispatchedAt) data.dispatchedAt = now
  if ((action === 'complete' || action === 'cancel') && !original.closedAt) data.closedAt = now
  if (action === 'rate') data.ratedAt = now

  const timeline = (Array.isArray(original.timeline) ? original.timeline : []) as TimelineEntry[]
  if (action) {
    const user = req.user as User | null | undefined
    const byName =
      actor.kind === 'resident'
        ? '点单群众'
        : (user?.name ?? (actor.kind === 'system' ? '系统' : ''))
    const note = action === 'decline' || action === 'cancel' ? reason : null
    data.timeline = [
      ...timeline.map(({ at, action: past, byName: who, note: said }) => ({
        at,
        action: past,
        byName: who,
        note: said ?? null,
      })),
      { at: now, action, byName, note },
    ]
  } else {
    data.timeline = timeline
  }
  data.reason = null
  return data
}
