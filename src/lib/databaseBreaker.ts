import type { Payload } from 'payload'

import { processState } from './coordination/server'
import { isDatabaseUnavailable } from './health'

/**
 * Fail fast while the database is away. Each call to a database that cannot be reached waits for
 * it: up to the busy timeout (5 s) on SQLite, whose driver waits on the main thread and so holds up
 * every other request, and up to the server-selection timeout on MongoDB. A page that makes six
 * queries would take half a minute to show its error. After one such failure the breaker opens:
 * for `DATABASE_RETRY_MS` (5 s by default) calls fail at once with the same "unavailable" error;
 * then calls reach the database again, and the next failure opens it for another pause. A query
 * that succeeds, or the health check's, closes it at once.
 * Only app servers install it: a script or a test should see every failure for itself.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE'
  constructor() {
    super('database unavailable: failing fast after a recent failure')
    this.name = 'DatabaseUnavailableError'
  }
}

export class DatabaseBreaker {
  private openUntil = 0

  constructor(private readonly retryMs: number) {}

  /** Whether calls fail at once now. */
  isOpen(now = Date.now()): boolean {
    return now < this.openUntil
  }

  /** Throws while open. After the pause, calls reach the database again: the first answer decides. */
  enter(now = Date.now()): void {
    if (this.isOpen(now)) throw new DatabaseUnavailableError()
  }

  /** The outcome of a call that reached the database (`undefined`: it succeeded). */
  settle(error: unknown, now = Date.now()): void {
    if (error === undefined) this.openUntil = 0
    else if (error instanceof DatabaseUnavailableError) return
    else if (isDatabaseUnavailable(error)) this.openUntil = now + this.retryMs
  }
}

/** The adapter calls that reach the database (not commit and rollback: they must always run). */
const GUARDED = [
  'beginTransaction',
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

const installed = Symbol.for('practice-hub.database-breaker.installed')

const state = processState<{ breaker: DatabaseBreaker | null }>('database-breaker', () => ({
  breaker: null,
}))

/** This process's breaker, once installed. */
export const databaseBreaker = (): DatabaseBreaker | null => state.breaker

/**
 * Runs a database call of our own (the coordination store's direct queries) through the breaker.
 * Without an installed breaker it just runs the call.
 */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  const breaker = state.breaker
  if (!breaker) return call()
  breaker.enter()
  try {
    const result = await call()
    breaker.settle(undefined)
    return result
  } catch (err) {
    breaker.settle(err)
    throw err
  }
}

/** Puts the breaker in front of the adapter's database calls (once per process). */
export function installDatabaseBreaker(payload: Payload, retryMs: number): DatabaseBreaker {
  const db = payload.db as unknown as Record<string, unknown> & { [installed]?: DatabaseBreaker }
  if (db[installed]) return db[installed]
  const breaker = (state.breaker ??= new DatabaseBreaker(retryMs))
  for (const name of GUARDED) {
    const original = db[name]
    if (typeof original !== 'function') continue
    db[name] = function (this: unknown, ...args: unknown[]) {
      return guarded(() => (original as (...a: unknown[]) => Promise<unknown>).apply(this, args))
    }
  }
  db[installed] = breaker
  return breaker
}
