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
    // Ahead of Next.js's own handler, which exits once its server has closed.
    process.prependOnceListener(signal, () => {
      const held = isWorker()
      void stopWorkerElection(payload).then(
        () => {
          if (held) payload.logger.info('已交还任务租约 worker lease released on shutdown')
        },
        () => undefined,
      )
    })
  }
}
