import type { Payload } from 'payload'

import { takeOverJobs, wakeStaticPublisher } from '../staticSite/publisher'
import { installDatabaseBreaker } from '../databaseBreaker'
import { startChangeFeed } from './changeFeed'
import { isAppServer, millisecondsFromEnv } from './server'
import { isWorker, startWorkerElection, stopWorkerElection } from './worker'

/**
 * Payload's onInit on an app server: follow the other servers' public changes, and take part in
 * electing the one server that runs the job queues, and fail fast while the database is away
 * (src/lib/databaseBreaker.ts). Scripts and `next build` do none of these.
 */
export async function startCoordination(payload: Payload): Promise<void> {
  if (!isAppServer()) return
  installDatabaseBreaker(payload, millisecondsFromEnv('DATABASE_RETRY_MS', 5000))
  startChangeFeed(payload, (current) => {
    // A change through another server queued static work: the worker runs it now.
    if (isWorker()) wakeStaticPublisher(current)
  })
  startWorkerElection(payload, [takeOverJobs])
  releaseLeaseOnShutdown(payload)
}

/**
 * A server stopped cleanly (a deploy, a restart) gives the worker lease back, so another takes
 * over the queues at its next try instead of when the lease expires (`WORKER_LEASE_TTL_MS`). Only
 * alongside the handler that really stops the process (`next start` has one; without it a listener
 * would keep the process alive).
 */
function releaseLeaseOnShutdown(payload: Payload): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    if (process.listenerCount(signal) === 0) continue
    // Ahead of Next.js's own handler, which exits as soon as its server has closed.
    process.prependOnceListener(signal, () => {
      const held = isWorker()
      const released = stopWorkerElection(payload).then(
        () => {
          if (held) payload.logger.info('已交还任务租约 worker lease released on shutdown')
        },
        () => undefined,
      )
      holdExitUntil(released, EXIT_HOLD_MS)
    })
  }
}

/** The longest a shutdown waits for the lease release (one database write). */
const EXIT_HOLD_MS = 3000

/**
 * Next.js offers no shutdown hook: its signal handler calls `process.exit` once its server has
 * closed, which can be before a database write begun at the same signal is done (on a Mongo-wire
 * server it was). Until `work` settles, or `maxMs` passes, an exit is put off, then carried out.
 */
function holdExitUntil(work: Promise<unknown>, maxMs: number): void {
  const exit = process.exit.bind(process)
  let timer: NodeJS.Timeout | undefined
  const settled = Promise.race([
    work,
    new Promise((resolve) => {
      timer = setTimeout(resolve, maxMs)
    }),
  ]).finally(() => clearTimeout(timer))
  process.exit = ((code?: number | string | null) => {
    void settled.finally(() => exit(code))
  }) as typeof process.exit
}
