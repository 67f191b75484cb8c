import type { Role } from '@/lib/vocabulary'

/**
 * The 点单 loop of one order: a resident orders (pending, 待派单); staff whose scope covers the
 * resident's org dispatch it to a lecturer or team (dispatched, 已派单); the lecturer accepts
 * (accepted, 已接单) or declines with a reason (back to pending); after the talk staff or the
 * lecturer mark it given (completed, 已完成); the resident rates it through the tracking link
 * (rated, 已评价). Staff may cancel an open order with a reason.
 */
export const ORDER_STATUSES = [
  { label: '待派单', value: 'pending' },
  { label: '已派单', value: 'dispatched' },
  { label: '已接单', value: 'accepted' },
  { label: '已完成', value: 'completed' },
  { label: '已评价', value: 'rated' },
  { label: '已取消', value: 'cancelled' },
] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]['value']

/** What the timeline records: one action per state change (and the comment review). */
export const ORDER_ACTIONS = [
  { label: '点单', value: 'order' },
  { label: '派单', value: 'dispatch' },
  { label: '撤回派单', value: 'recall' },
  { label: '接单', value: 'accept' },
  { label: '拒单', value: 'decline' },
  { label: '完成宣讲', value: 'complete' },
  { label: '评单', value: 'rate' },
  { label: '取消', value: 'cancel' },
] as const

export type OrderAction = (typeof ORDER_ACTIONS)[number]['value']

/** An order no longer needs the resident's phone once it is closed (given or cancelled). */
export const CLOSED_STATUSES: readonly OrderStatus[] = ['completed', 'rated', 'cancelled']

export type OrderActor =
  | { kind: 'staff'; role: Role; inScope: boolean }
  /** The lecturer account of the profile the order is assigned to. */
  | { kind: 'assignee' }
  /** The resident, through the tracking link (rating only). */
  | { kind: 'resident' }
  /** Server jobs and seeding. */
  | { kind: 'system' }

export type OrderTransitionRequest = {
  actor: OrderActor
  from: OrderStatus
  to: OrderStatus
  /** The order as it would be saved: dispatching needs its lecturer, time and place. */
  assigned: boolean
  scheduled: boolean
  place: boolean
  reason?: string | null
}

export type OrderTransitionResult =
  { ok: true; action: OrderAction | null } | { ok: false; field: string; message: string }

const isStaff = (actor: OrderActor): actor is Extract<OrderActor, { kind: 'staff' }> =>
  actor.kind === 'staff' && actor.role !== 'lecturer'

const hasText = (value: string | null | undefined): boolean => Boolean(value && value.trim())

/**
 * Decides one change of an order's status. Pure: the hook says who acts and what the saved order
 * would hold. Unchanged status is no transition (an edit of time or place by staff).
 */
export function decideOrderTransition(request: OrderTransitionRequest): OrderTransitionResult {
  const { actor, from, to } = request
  const refuse = (message: string, field = 'status'): OrderTransitionResult => ({
    ok: false,
    field,
    message,
  })
  if (actor.kind === 'staff' && !actor.inScope && actor.role !== 'admin') {
    return refuse('这张订单不在你的管理范围内')
  }
  if (from === to) return { ok: true, action: null }
  const system = actor.kind === 'system'
  const staff = isStaff(actor) || system
  const assignee = actor.kind === 'assignee'

  switch (`${from}>${to}`) {
    case 'pending>dispatched':
      if (!staff) return refuse('只有订单所在范围的工作人员可以派单')
      if (!request.assigned) return refuse('派单前请选择宣讲员或宣讲团', 'assignee')
      if (!request.scheduled) return refuse('派单前请填写宣讲时间', 'scheduledAt')
      if (!request.place) return refuse('派单前请填写宣讲地点', 'place')
      return { ok: true, action: 'dispatch' }
    case 'dispatched>accepted':
      if (!assignee && !system && !(isStaff(actor) && actor.role === 'admin')) {
        return refuse('只有被派单的宣讲员可以接单')
      }
      return { ok: true, action: 'accept' }
    case 'accepted>pending':
      if (!staff) return refuse('只有工作人员可以撤回已接的订单')
      return { ok: true, action: 'recall' }
    case 'dispatched>pending':
      if (assignee) {
        if (!hasText(request.reason)) return refuse('拒单时请说明原因', 'reason')
        return { ok: true, action: 'decline' }
      }
      if (!staff) return refuse('只有工作人员可以撤回派单')
      return { ok: true, action: 'recall' }
    case 'accepted>completed':
      if (!staff && !assignee) return refuse('只有工作人员或主讲宣讲员可以标记完成')
      return { ok: true, action: 'complete' }
    case 'completed>rated':
      if (actor.kind !== 'resident' && !system) return refuse('评价只能由点单群众通过查询链接提交')
      return { ok: true, action: 'rate' }
    case 'pending>cancelled':
    case 'dispatched>cancelled':
    case 'accepted>cancelled':
      if (!staff) return refuse('只有工作人员可以取消订单')
      if (!hasText(request.reason)) return refuse('取消订单时请说明原因', 'reason')
      return { ok: true, action: 'cancel' }
    default:
      return refuse(`订单不能从“${statusLabel(from)}”改为“${statusLabel(to)}”`)
  }
}

export function statusLabel(status: string | null | undefined): string {
  return ORDER_STATUSES.find((option) => option.value === status)?.label ?? String(status ?? '')
}

export function actionLabel(action: string | null | undefined): string {
  return ORDER_ACTIONS.find((option) => option.value === action)?.label ?? String(action ?? '')
}
