import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { isAppServer } from '../coordination/server'
import { isWorker } from '../coordination/worker'
import { expireTags } from '../expireTags'
import { invalidateSearchIndex } from '../search/liveCache'
import { searchChangesOf, type StaticChange, sourcesForChanges } from './affected'
import { bucketFromEnv, syncBucket } from './bucket'
import { staticPublishing, type StaticPublishing } from './config'
import { readManifest } from './manifest'
import { keepPublishedIndex } from './search'
import { describeBrokenLinks, publishPaths, type PublishResult } from './site'

export const STATIC_QUEUE = 'static'
export const STATIC_TASK = 'staticPublish'

type StaticJobInput = { change: StaticChange; key?: string | null }

/** The status key of a document, e.g. `scripts:12`; `site` for portal-wide changes. */
export const statusKey = (collection: string, id: string | number) => `${collection}:${id}`

/**
 * Queues a change for the static site, inside the caller's transaction: if the change is rolled
 * back, so is the job. The runner is woken once the transaction has committed.
 */
export async function queueStaticChange(
  req: PayloadRequest,
  change: StaticChange,
  key: string,
): Promise<void> {
  if (!staticPublishing() || req.context.disableStaticPublish || req.context.disableRevalidate)
    return
  await req.payload.jobs.queue({
    task: STATIC_TASK,
    queue: STATIC_QUEUE,
    input: { change, key } as never,
    req,
  })
  await setStatus(req.payload, key, { state: 'queued', queuedAt: new Date().toISOString() }, req)
  wakeStaticPublisher(req.payload)
}

async function setStatus(
  payload: Payload,
  key: string,
  data: {
    state: 'queued' | 'published' | 'failed'
    queuedAt?: string
    publishedAt?: string
    changedFiles?: number
    error?: string | null
  },
  req?: PayloadRequest,
): Promise<void> {
  const { docs } = await payload.find({
    collection: 'static-publish-status',
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (docs[0]) {
    await payload.update({
      collection: 'static-publish-status',
      id: docs[0].id,
      data,
      overrideAccess: true,
      req,
    })
  } else {
    await payload.create({
      collection: 'static-publish-status',
      data: { key, ...data },
      overrideAccess: true,
      req,
    })
  }
}

// One publisher per process: runs never overlap, and wake-ups during a run cause one more run.
let running: Promise<void> | null = null
let wakeAgain = false
let timer: NodeJS.Timeout | null = null

/**
 * Runs the static queue soon. Called after a change is queued; the job only becomes visible when
 * the change's transaction commits, so empty runs are retried a few times with growing delays.
 * Only an app server publishes (it renders the pages), and of several servers on one database only
 * the one holding the worker lease (src/lib/coordination/worker.ts): it also learns of changes made
 * through the others from the public-change feed. Scripts leave the jobs for it.
 */
export function wakeStaticPublisher(payload: Payload, delay = 100): void {
  if (!isAppServer() || !isWorker()) return
  if (timer) return
  timer = setTimeout(() => {
    timer = null
    if (running) {
      wakeAgain = true
      return
    }
    running = drain(payload)
      .catch((err: unknown) =>
        payload.logger.warn({ err }, '静态发布队列暂时无法运行 the static queue could not run'),
      )
      .finally(() => {
        running = null
        if (wakeAgain) {
          wakeAgain = false
          wakeStaticPublisher(payload, 0)
        }
      })
  }, delay)
  timer.unref?.()
}

async function drain(payload: Payload): Promise<void> {
  for (const pause of [0, 200, 600, 1500]) {
    if (pause) await new Promise((resolve) => setTimeout(resolve, pause))
    const ran = await runStaticQueue(payload)
    if (ran > 0) return drain(payload)
  }
}

/** Runs queued static jobs until none is left; returns how many ran. */
export async function runStaticQueue(payload: Payload): Promise<number> {
  let total = 0
  for (;;) {
    const result = await payload.jobs.run({
      queue: STATIC_QUEUE,
      limit: 10,
      sequential: true,
      silent: { info: true },
    })
    const ran = Object.keys(result.jobStatus ?? {}).length
    total += ran
    if (ran === 0 || result.noJobsRemaining) return total
  }
}

/**
 * Jobs a crashed worker left marked as running are made runnable again, in every queue. Called by
 * the server that has just taken the worker lease: nobody else runs jobs.
 */
export async function resumeInterruptedJobs(payload: Payload): Promise<number> {
  const { docs } = await payload.update({
    collection: 'payload-jobs',
    where: {
      and: [{ processing: { equals: true } }, { completedAt: { exists: false } }],
    },
    data: { processing: false },
    overrideAccess: true,
  })
  return docs.length
}

type PendingJob = { id: string | number; input: StaticJobInput }

/**
 * A burst of edits becomes one run: the job being run takes every other waiting static job with
 * it, renders the union of their URLs once, and completes them. A crash before that leaves them
 * all queued (or marked running, which startup undoes), and rendering again is harmless.
 */
async function claimWaitingJobs(payload: Payload, self: string | number): Promise<PendingJob[]> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: STATIC_QUEUE } },
        { taskSlug: { equals: STATIC_TASK } },
        { processing: { equals: false } },
        { completedAt: { exists: false } },
        { id: { not_equals: self } },
      ],
    },
    limit: 500,
    sort: 'createdAt',
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((doc) => ({ id: doc.id, input: doc.input as StaticJobInput }))
}

let siteLock: Promise<unknown> = Promise.resolve()

/** Serializes writers of the static folder within this process. */
function withSiteLock<T>(work: () => Promise<T>): Promise<T> {
  const next = siteLock.then(work, work)
  siteLock = next.catch(() => undefined)
  return next
}

/** Renders the URLs a set of changes affects into the static site. */
export async function publishChanges(
  payload: Payload,
  config: StaticPublishing,
  changes: StaticChange[],
): Promise<PublishResult> {
  // The changes are committed (their jobs are visible): the live search index, which the search
  // page and the static index are built from, must not predate them.
  invalidateSearchIndex()
  // Jobs run one at a time: the renders of the job before this one may have begun before these
  // changes committed and been cached after their tags expired. Expire them again, so that this
  // job renders every page it touches from the committed data, and so does the next reader.
  await expireTags(
    payload,
    changes.flatMap((change) => (change.type === 'all' ? [] : change.tags)),
  )
  const manifest = await readManifest(config.root, config.target.basePath)
  const sources = sourcesForChanges(manifest, changes)
  const trace = (message: string) =>
    process.env.STATIC_DEBUG ? payload.logger.info(message) : payload.logger.debug(message)
  trace(`静态发布：${sources === 'all' ? '全部' : sources.length} 个地址`)
  // On an app server the worker lease must last the whole run: a server that lost it (another has
  // taken over) stops before its next file, and the new holder runs the job again.
  const guarded = isAppServer()
  return publishPaths(
    {
      root: config.root,
      target: config.target,
      onProgress: ({ done, queued, path }) => {
        if (guarded && !isWorker()) throw new Error('本服务器已不再持有任务租约，停止写入静态站')
        trace(`静态发布 ${done}/${done + queued} ${path}`)
      },
      log: trace,
      searchChanges: searchChangesOf(changes),
      manifest,
    },
    sources,
  )
}

export const staticPublishTask: TaskConfig<{
  input: StaticJobInput
  output: { changedFiles: number; removedFiles: number }
}> = {
  slug: STATIC_TASK,
  label: '发布到静态站',
  retries: 3,
  inputSchema: [
    { name: 'change', type: 'json', required: true },
    { name: 'key', type: 'text' },
  ],
  outputSchema: [
    { name: 'changedFiles', type: 'number' },
    { name: 'removedFiles', type: 'number' },
  ],
  handler: async ({ input, job, req }) => {
    const config = staticPublishing()
    if (!config) return { output: { changedFiles: 0, removedFiles: 0 } }
    const { payload } = req
    if (process.env.STATIC_DEBUG) payload.logger.info(`静态发布：任务 ${job.id} 开始`)
    return withSiteLock(async () => {
      if (process.env.STATIC_DEBUG) payload.logger.info(`静态发布：任务 ${job.id} 取得锁`)
      const others = await claimWaitingJobs(payload, job.id)
      if (others.length > 0) {
        await payload.update({
          collection: 'payload-jobs',
          where: { id: { in: others.map((other) => other.id) } },
          data: { processing: true },
          overrideAccess: true,
        })
      }
      const all = [input, ...others.map((other) => other.input)]
      const keys = [...new Set(all.flatMap((item) => (item.key ? [item.key] : [])))]
      try {
        const started = Date.now()
        const result = await publishChanges(
          payload,
          config,
          all.map((item) => item.change),
        )
        const bucket = await bucketFromEnv()
        if (bucket) {
          const synced = await syncBucket(config.root, bucket, {
            prefix: process.env.STATIC_S3_PREFIX,
          })
          payload.logger.info(
            `静态站已同步到对象存储 bucket synced: ${synced.uploaded.length} 上传, ${synced.removed.length} 删除`,
          )
        }
        const publishedAt = new Date().toISOString()
        const changedFiles = result.written.length + result.removed.length
        for (const key of keys) {
          await setStatus(payload, key, {
            state: 'published',
            publishedAt,
            changedFiles,
            error: null,
          })
        }
        if (others.length > 0) {
          await payload.delete({
            collection: 'payload-jobs',
            where: { id: { in: others.map((other) => other.id) } },
            overrideAccess: true,
          })
        }
        payload.logger.info(
          `静态站已更新 static site updated: ${all.length} 项变更, ${result.rendered} 个地址, ` +
            `${result.written.length} 个文件写入, ${result.removed.length} 个删除, ${Date.now() - started} ms ` +
            `(${JSON.stringify(result.timings)}; removed: ${result.removed.slice(0, 5).join(' ')})`,
        )
        if (result.broken.length > 0) {
          payload.logger.warn(
            `静态站有失效链接 broken links:\n${describeBrokenLinks(result.broken, 10)}`,
          )
        }
        return {
          output: { changedFiles: result.written.length, removedFiles: result.removed.length },
        }
      } catch (err) {
        const message = `静态站发布失败：${(err as Error).message}`
        for (const key of keys) await setStatus(payload, key, { state: 'failed', error: message })
        if (others.length > 0) {
          await payload.update({
            collection: 'payload-jobs',
            where: { id: { in: others.map((other) => other.id) } },
            data: { processing: false },
            overrideAccess: true,
          })
        }
        throw new Error(message)
      }
    })
  },
}

/**
 * When a server takes the worker lease: jobs the previous worker left running become runnable
 * again, a static folder without a manifest gets a full first publish, and the queue is run.
 */
export async function takeOverJobs(payload: Payload): Promise<void> {
  const resumed = await resumeInterruptedJobs(payload)
  if (resumed > 0) payload.logger.info(`任务队列：继续 ${resumed} 个中断的任务`)
  const config = staticPublishing()
  if (!config) return
  if (!(await readManifest(config.root, config.target.basePath))) {
    await payload.jobs.queue({
      task: STATIC_TASK,
      queue: STATIC_QUEUE,
      input: { change: { type: 'all', reason: '首次生成静态站' }, key: 'site' } as never,
    })
  } else {
    // The folder's search index read now, not by the first publish (seconds at 10,000 resources).
    void withSiteLock(() => keepPublishedIndex(config.root)).catch((err: unknown) =>
      payload.logger.warn({ err }, '静态站搜索索引预读失败 reading the static search index failed'),
    )
  }
  wakeStaticPublisher(payload, 1000)
}

/** How the static site stands: for the status endpoint, the admin and tests. */
export async function staticSiteState(payload: Payload) {
  const config = staticPublishing()
  if (!config) return { enabled: false as const }
  const pending = await payload.count({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: STATIC_QUEUE } }, { completedAt: { exists: false } }] },
    overrideAccess: true,
  })
  const failed = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: STATIC_QUEUE } },
        { completedAt: { exists: false } },
        { hasError: { equals: true } },
      ],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const manifest = await readManifest(config.root, config.target.basePath)
  return {
    enabled: true as const,
    pending: pending.totalDocs,
    failing: failed.totalDocs > 0,
    files: manifest ? Object.keys(manifest.files).length : 0,
  }
}
