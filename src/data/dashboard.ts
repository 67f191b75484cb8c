import { createLocalReq, type Payload, type Where } from 'payload'

import { orgScope, scopeWhere } from '@/access/scope'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { canReview, type ReviewState } from '@/lib/workflow'
import type { User } from '@/payload-types'

/** One document on the dashboard, linked to its edit view. */
export type DashboardItem = {
  kind: ResourceKind
  id: number | string
  title: string
  /** When it entered its current state (submitted, returned, published, last saved). */
  since: string | null
  comment?: string | null
  by?: string | null
}

export type ScheduledItem = DashboardItem & { type: 'publish' | 'unpublish'; at: string }

export type KindFigures = { kind: ResourceKind } & Record<ReviewState, number>

export type Dashboard = {
  reviewing: boolean
  /** Reviewers: work submitted in their scope, oldest first. */
  waiting: DashboardItem[]
  /** Reviewers: publications they scheduled that have not run yet. */
  scheduled: ScheduledItem[]
  /** Editors and lecturers: their own drafts. */
  drafts: DashboardItem[]
  /** Editors and lecturers: work returned to them (lecturers: their own), with the comment. */
  returned: DashboardItem[]
  /** Everyone: the latest publications in their scope. */
  published: DashboardItem[]
  figures: KindFigures[]
}

const LIST_LIMIT = 8

type LogEntry = { action?: string | null; at?: string | null; byName?: string | null }
type Row = {
  id: number | string
  title?: string | null
  updatedAt?: string | null
  publishedAt?: string | null
  reviewComment?: string | null
  reviewLog?: LogEntry[] | null
}

/** The latest log entry for an action (when the document was submitted, returned…). */
function lastEntry(row: Row, action: string): LogEntry | undefined {
  return (row.reviewLog ?? []).filter((entry) => entry.action === action).at(-1)
}

const and = (...clauses: (Where | true)[]): Where => ({
  and: clauses.filter((clause): clause is Where => clause !== true),
})

/**
 * What the signed-in person's dashboard shows, read within their scope: their org subtree
 * (lecturers: their org, and only their own work where it is theirs to change).
 */
export async function loadDashboard(payload: Payload, user: User): Promise<Dashboard> {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const scope = scopeWhere(await orgScope(req))
  const reviewing = canReview(user.role)
  const mine: Where = { createdBy: { equals: user.id } }

  const latest = async (
    where: Where,
    sort: string,
    limit = LIST_LIMIT,
    draft = true,
  ): Promise<{ kind: ResourceKind; row: Row }[]> => {
    const perKind = await Promise.all(
      RESOURCE_KINDS.map(async (kind) => {
        const { docs } = await payload.find({
          collection: kind,
          where,
          sort,
          limit,
          depth: 0,
          draft,
          select: {
            title: true,
            updatedAt: true,
            publishedAt: true,
            reviewComment: true,
            reviewLog: true,
          },
          overrideAccess: true,
        })
        return (docs as Row[]).map((row) => ({ kind, row }))
      }),
    )
    return perKind.flat()
  }

  const item = (kind: ResourceKind, row: Row, since: string | null | undefined): DashboardItem => ({
    kind,
    id: row.id,
    title: row.title || '（无标题）',
    since: since ?? row.updatedAt ?? null,
  })
  const byTime = (direction: 1 | -1) => (a: DashboardItem, b: DashboardItem) =>
    direction * (Date.parse(a.since ?? '') - Date.parse(b.since ?? ''))

  const [waiting, drafts, returned, published, scheduled, figures] = await Promise.all([
    reviewing
      ? latest(and(scope, { reviewState: { equals: 'submitted' } }), 'updatedAt', 50).then((rows) =>
          rows
            .map(({ kind, row }) => {
              const entry = lastEntry(row, 'submit')
              return { ...item(kind, row, entry?.at), by: entry?.byName ?? null }
            })
            .sort(byTime(1))
            .slice(0, 20),
        )
      : [],
    reviewing
      ? []
      : latest(and(scope, mine, { reviewState: { equals: 'draft' } }), '-updatedAt').then((rows) =>
          rows
            .map(({ kind, row }) => item(kind, row, row.updatedAt))
            .sort(byTime(-1))
            .slice(0, LIST_LIMIT),
        ),
    reviewing
      ? []
      : latest(
          and(scope, user.role === 'lecturer' ? mine : true, {
            reviewState: { equals: 'returned' },
          }),
          '-updatedAt',
        ).then((rows) =>
          rows
            .map(({ kind, row }) => {
              const entry = lastEntry(row, 'return')
              return {
                ...item(kind, row, entry?.at),
                comment: row.reviewComment ?? null,
                by: entry?.byName ?? null,
              }
            })
            .sort(byTime(-1)),
        ),
    latest(and(scope, { _status: { equals: 'published' } }), '-publishedAt', LIST_LIMIT, false).then(
      (rows) =>
        rows
          .map(({ kind, row }) => item(kind, row, row.publishedAt))
          .sort(byTime(-1))
          .slice(0, LIST_LIMIT),
    ),
    reviewing ? scheduledBy(payload, user) : [],
    Promise.all(RESOURCE_KINDS.map((kind) => kindFigures(payload, kind, scope))),
  ])
  return { reviewing, waiting, scheduled, drafts, returned, published, figures }
}

/**
 * How many resources of a kind are in each state within the scope: drafts, submitted and
 * returned work by their latest revision; published by what the portal shows.
 */
async function kindFigures(
  payload: Payload,
  kind: ResourceKind,
  scope: Where | true,
): Promise<KindFigures> {
  const pending = ['draft', 'submitted', 'returned'] as const
  const [published, ...counts] = await Promise.all([
    payload.count({
      collection: kind,
      where: and(scope, { _status: { equals: 'published' } }),
      overrideAccess: true,
    }),
    ...pending.map((state) =>
      payload.find({
        collection: kind,
        where: and(scope, { reviewState: { equals: state } }),
        draft: true,
        limit: 1,
        depth: 0,
        select: {},
        overrideAccess: true,
      }),
    ),
  ])
  return {
    kind,
    published: published.totalDocs,
    draft: counts[0].totalDocs,
    submitted: counts[1].totalDocs,
    returned: counts[2].totalDocs,
  }
}

type JobInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo?: string; value?: number | string }
  user?: { value?: number | string } | number | string
}

/** Scheduled publications the reviewer set up that have not run yet, soonest first. */
async function scheduledBy(payload: Payload, user: User): Promise<ScheduledItem[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        // As Payload's own "upcoming" list: jobs still to run.
        { waitUntil: { greater_than: new Date().toISOString() } },
        { completedAt: { exists: false } },
      ],
    },
    sort: 'waitUntil',
    limit: 200,
    depth: 0,
    overrideAccess: true,
  })
  const jobs = docs
    .map((job) => ({ job, input: (job.input ?? {}) as JobInput }))
    .filter(({ input }) => {
      const by = typeof input.user === 'object' ? input.user?.value : input.user
      return String(by) === String(user.id)
    })
    .filter(({ input }) => RESOURCE_KINDS.includes(input.doc?.relationTo as ResourceKind))
    .slice(0, LIST_LIMIT)
  return Promise.all(
    jobs.map(async ({ job, input }) => {
      const kind = input.doc?.relationTo as ResourceKind
      const found = await payload.find({
        collection: kind,
        where: { id: { equals: input.doc?.value } },
        draft: true,
        limit: 1,
        depth: 0,
        select: { title: true },
        overrideAccess: true,
      })
      const row = found.docs[0] as Row | undefined
      return {
        kind,
        id: input.doc?.value ?? '',
        title: row?.title || '（已删除）',
        since: null,
        type: input.type === 'unpublish' ? 'unpublish' : 'publish',
        at: String(job.waitUntil ?? ''),
      }
    }),
  )
}
