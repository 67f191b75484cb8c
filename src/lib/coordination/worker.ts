import type { Payload } from 'payload'

import { databaseBackoff, millisecondsFromEnv, processState, SERVER_ID } from './server'
import { releaseLease, tryLease } from './store'

/**
 * One server at a time runs the job queues (scheduled publishing, the static publisher): the
 * holder of the `worker` lease in the database. Every app server tries to take or keep it every
 * quarter of its lifetime; the holder keeps it while it lives, and when it dies (or cannot reach
 * the database) another server takes over once the lease has expired: within
 * `WORKER_LEASE_TTL_MS` (20 s by default) plus a quarter of that.
 */
export const WORKER_LEASE = 'worker'

export const workerLeaseTtl = () => millisecondsFromEnv('WORKER_LEASE_TTL_MS', 20_000)

type OnAcquire = (payload: Payload) => Promise<void> | void

type Election = {
  started: boolean
  /** This server may run the queues until then (ms since epoch); 0 when it does not hold the lease. */
  heldUntil: number
  timer: NodeJS.Timeout | null
  onAcquire: OnAcquire[]
  ticking: Promise<void> | null
  backoff: ReturnType<typeof databaseBackoff>
}

const election = processState<Election>('worker-election', () => ({
  started: false,
  heldUntil: 0,
  timer: null,
  onAcquire: [],
  ticking: null,
  backoff: databaseBackoff(),
}))

/** Whether this server holds the worker lease now. */
export function isWorker(): boolean {
  return Date.now() < election.heldUntil
}

/** Tries to take or keep the lease once; runs the acquire callbacks when it was just taken. */
export async function electWorker(payload: Payload): Promise<boolean> {
  if (election.ticking) {
    await election.ticking
    return isWorker()
  }
  election.ticking = tick(payload).finally(() => {
    election.ticking = null
  })
  await election.ticking
  return isWorker()
}

async function tick(payload: Payload): Promise<void> {
  const ttl = workerLeaseTtl()
  const asked = Date.now()
  let held = false
  if (!election.backoff.ready(asked)) {
    // The database failed lately: not holding the lease is the safe answer until it answers again.
    election.heldUntil = 0
    return
  }
  try {
    held = await tryLease(payload, WORKER_LEASE, SERVER_ID, ttl, new Date(asked))
    election.backoff.succeeded()
  } catch (err) {
    election.backoff.failed()
    payload.logger.warn({ err }, '任务租约续期失败 worker lease renewal failed')
  }
  const was = isWorker()
  // The lease runs from before the statement; this server stops a quarter early, so a clock
  // that runs slightly behind the others' cannot keep it working past the lease.
  election.heldUntil = held ? asked + Math.floor((ttl * 3) / 4) : 0
  if (held && !was) {
    payload.logger.info(
      `本服务器开始运行任务队列 this server now runs the job queues (${SERVER_ID})`,
    )
    for (const callback of election.onAcquire) {
      try {
        await callback(payload)
      } catch (err) {
        payload.logger.error({ err }, '接手任务队列时出错 taking over the job queues failed')
      }
    }
  } else if (!held && was) {
    payload.logger.warn('本服务器不再运行任务队列 this server no longer holds the worker lease')
  }
}

/**
 * Starts this server's part in the election (once per process). `onAcquire` runs each time the
 * lease is taken: jobs the previous holder left marked as running are made runnable again there.
 */
export function startWorkerElection(payload: Payload, onAcquire: OnAcquire[]): void {
  election.onAcquire = onAcquire
  if (election.started) return
  election.started = true
  void electWorker(payload)
  election.timer = setInterval(() => void electWorker(payload), Math.max(250, workerLeaseTtl() / 4))
  election.timer.unref?.()
}

/** Stops taking part and gives the lease back (tests; a server shutting down cleanly). */
export async function stopWorkerElection(payload: Payload): Promise<void> {
  if (election.timer) clearInterval(election.timer)
  election.timer = null
  election.started = false
  if (election.ticking) await election.ticking
  const held = isWorker()
  election.heldUntil = 0
  if (held) await releaseLease(payload, WORKER_LEASE, SERVER_ID)
}
