import type { Payload } from 'payload'

import { takeOverJobs, wakeStaticPublisher } from '../staticSite/publisher'
import { installDatabaseBreaker } from '../databaseBreaker'
import { startChangeFeed } from './changeFeed'
import { isAppServer, millisecondsFromEnv } from './server'
import { isWorker, startWorkerElection } from './worker'

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
}
