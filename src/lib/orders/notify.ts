import type { CollectionAfterChangeHook, Payload } from 'payload'

import { afterCommit } from '@/lib/afterCommit'
import { formatDateTime } from '@/lib/dates'
import { idOf } from '@/lib/ids'
import { serverUrl } from '@/lib/serverUrl'
import { AUDIENCES, labelOf } from '@/lib/vocabulary'

import { orderSettings } from './settings'
import { actionLabel, statusLabel, type OrderAction } from './workflow'

type OrderDoc = Record<string, unknown> & { id: number | string; number?: string }

/**
 * Who hears of each step: staff in the order's scope always; the lecturer when it concerns them
 * (dispatched to them, taken back from them, cancelled, rated).
 */
const TO_LECTURER: readonly OrderAction[] = ['dispatch', 'recall', 'cancel', 'rate']

export type OrderMail = { to: string; subject: string; text: string }

/**
 * The mail for one step of an order. No phone number and no resident's name: mail is forwarded
 * and kept; staff see those in the admin, behind their login.
 */
export function orderMailText(
  order: OrderDoc,
  action: OrderAction,
  details: { village: string; lecturer: string | null; timeZone: string; adminUrl: string },
): { subject: string; text: string } {
  const lines = [
    `订单号：${order.number}`,
    `这一步：${actionLabel(action)}（现在：${statusLabel(order.status as string)}）`,
    `所在村（社区）：${details.village}`,
  ]
  if (order.subject) lines.push(`需求内容：${String(order.subject)}`)
  const audience = labelOf(AUDIENCES, order.audienceType as string)
  if (audience)
    lines.push(
      `听众：${audience}${order.audienceSize ? `，约 ${String(order.audienceSize)} 人` : ''}`,
    )
  if (details.lecturer) lines.push(`宣讲员：${details.lecturer}`)
  if (order.scheduledAt)
    lines.push(`时间：${formatDateTime(order.scheduledAt as string, details.timeZone)}`)
  if (order.place) lines.push(`地点：${String(order.place)}`)
  const timeline = Array.isArray(order.timeline)
    ? (order.timeline as { note?: string | null }[])
    : []
  const note = timeline.at(-1)?.note
  if (note) lines.push(`说明：${note}`)
  if (action === 'rate' && typeof order.rating === 'number') lines.push(`评分：${order.rating} 分`)
  lines.push(
    '',
    `在后台处理：${details.adminUrl}`,
    '',
    '—— 文明实践资源库（本邮件由系统发出，请勿回复）',
  )
  return { subject: `【点单】${order.number} ${actionLabel(action)}`, text: lines.join('\n') }
}

/** Staff (editors, reviewers) whose org subtree covers the village: its org and every ancestor. */
async function staffEmails(payload: Payload, orgId: unknown): Promise<string[]> {
  const id = idOf(orgId)
  if (id === null) return []
  const org = await payload.findByID({
    collection: 'orgs',
    id,
    depth: 0,
    overrideAccess: true,
  })
  const covering = [id, ...(org.breadcrumbs ?? []).map((crumb) => idOf(crumb.doc))].filter(
    (value) => value !== null,
  )
  const { docs } = await payload.find({
    collection: 'users',
    where: { and: [{ role: { in: ['editor', 'reviewer'] } }, { org: { in: covering } }] },
    pagination: false,
    limit: 0,
    depth: 0,
    select: { email: true },
    overrideAccess: true,
  })
  return docs.map((user) => user.email).filter(Boolean)
}

async function lecturerOf(
  payload: Payload,
  order: OrderDoc,
): Promise<{ name: string | null; email: string | null }> {
  const profileId = idOf(order.assignee)
  const userId = idOf(order.assignedUser)
  const [profile, user] = await Promise.all([
    profileId === null
      ? null
      : payload
          .findByID({
            collection: 'lecturers',
            id: profileId,
            depth: 0,
            overrideAccess: true,
            select: { displayName: true },
          })
          .catch(() => null),
    userId === null
      ? null
      : payload
          .findByID({
            collection: 'users',
            id: userId,
            depth: 0,
            overrideAccess: true,
            select: { email: true },
          })
          .catch(() => null),
  ])
  return { name: profile?.displayName ?? null, email: user?.email ?? null }
}

/** The step a save recorded: the timeline entry it added, if any. */
function recordedAction(doc: OrderDoc, previous: OrderDoc | undefined): OrderAction | null {
  const now = Array.isArray(doc.timeline) ? doc.timeline.length : 0
  const before = Array.isArray(previous?.timeline) ? previous.timeline.length : 0
  if (now <= before) return null
  return ((doc.timeline as { action?: OrderAction }[]).at(-1)?.action ?? null) as OrderAction | null
}

/**
 * Mails staff in the order's scope and, where it concerns them, its lecturer (the one assigned, or
 * the one it was just taken back from) at each step, once the change is committed. A mail
 * that fails is logged; the order stands.
 */
export const notifyAfterOrderChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (req.context.disableNotifications) return doc
  const action = recordedAction(doc as OrderDoc, previousDoc as OrderDoc | undefined)
  if (!action) return doc
  const order = doc as OrderDoc
  await afterCommit(req, async () => {
    const { payload } = req
    try {
      const [staff, lecturer, settings, village] = await Promise.all([
        staffEmails(payload, order.org),
        lecturerOf(payload, action === 'recall' ? (previousDoc as OrderDoc) : order),
        orderSettings(payload),
        payload.findByID({
          collection: 'orgs',
          id: idOf(order.org)!,
          depth: 0,
          overrideAccess: true,
          select: { name: true },
        }),
      ])
      const recipients = new Set(staff)
      if (lecturer.email && TO_LECTURER.includes(action)) recipients.add(lecturer.email)
      if (recipients.size === 0) return
      const { subject, text } = orderMailText(order, action, {
        village: village.name,
        lecturer: lecturer.name,
        timeZone: settings.timeZone,
        adminUrl: `${serverUrl()}/admin/collections/orders/${String(order.id)}`,
      })
      await Promise.all([...recipients].map((to) => payload.sendEmail({ to, subject, text })))
    } catch (err) {
      payload.logger.warn(
        { err },
        `点单 ${String(order.number)} 的通知邮件未能发出 order mail not sent`,
      )
    }
  })
  return doc
}
