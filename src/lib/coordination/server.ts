import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'

/** This server process, as the other servers on the database see it (leases, the change feed). */
export const SERVER_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

/** The running Next.js server (not `next build`, not a script): the only kind that coordinates. */
export function isAppServer(): boolean {
  return Boolean(process.env.NEXT_RUNTIME) && process.env.NEXT_PHASE !== 'phase-production-build'
}

/** A positive whole number of milliseconds from the environment, or the default. */
export function millisecondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  const value = Number(raw)
  return raw?.trim() && Number.isSafeInteger(value) && value > 0 ? value : fallback
}

/**
 * Per-process state kept on globalThis: Next.js may load a module once per route bundle, and the
 * copies must share one election and one feed cursor.
 */
export function processState<T>(name: string, initial: () => T): T {
  const key = Symbol.for(`practice-hub.${name}`)
  const store = globalThis as Record<symbol, T | undefined>
  return (store[key] ??= initial())
}

/**
 * Spacing for the background loops' database calls (the lease, the change feed) after a failure:
 * 5 s, doubling up to 60 s until one succeeds. The SQLite driver waits for a locked database on the
 * main thread, up to its busy timeout (5 s), so loops that kept asking every second would hold up
 * every request while the database is away. One gate for both loops: a failure of either pauses
 * both.
 */
export class Backoff {
  private failures = 0
  private until = 0
  private probing = false

  /**
   * Whether a loop may call the database now. After a failure, once the pause is over, only one
   * caller gets through (the probe) until it succeeds or fails.
   */
  ready(now = Date.now()): boolean {
    if (this.failures === 0) return true
    if (now < this.until || this.probing) return false
    this.probing = true
    return true
  }

  failed(now = Date.now()): void {
    this.probing = false
    this.failures += 1
    this.until = now + Math.min(60_000, 5_000 * 2 ** (this.failures - 1))
  }

  succeeded(): void {
    this.probing = false
    this.failures = 0
    this.until = 0
  }
}

/** The one gate the background loops of this process share. */
export const databaseBackoff = () => processState('database-backoff', () => new Backoff())
