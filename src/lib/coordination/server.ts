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
  const value = Number(process.env[name])
  return Number.isSafeInteger(value) && value > 0 ? value : fallback
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
