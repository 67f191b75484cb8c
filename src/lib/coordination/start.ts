import type { Payload } from 'payload'

import { takeOverJobs, wakeStaticPublisher } from '../staticSite/publisher'
import { startChangeFeed } from './changeFeed'
import { isAppServer } from './server'
import { isWorker, startWorkerElection } from './worker'

/**
 * Payload's onInit on an app server: follow the other servers' public changes, and take part in
 * electing the one server that runs the job queues. Scripts and `next build` do neither.
 */
export async function startCoordination(payload: Payload): Promise<void> {
  if (!isAppServer()) return
  startChangeFeed(payload, (current) => {
    // A change through another server queued static work: the worker runs it now.
    if (isWorker()) wakeStaticPublisher(current)
  })
  startWorkerElection(payload, [takeOverJobs])
}
