import type { Payload } from 'payload'

import { isWorker } from './coordination/worker'
import { databaseBreaker } from './databaseBreaker'

export type DatabaseHealth = {
  adapter: string
  reachable: boolean
  latencyMs: number
  version: string | null
}

export type Health = {
  status: 'ok' | 'error'
  message?: string
  database: DatabaseHealth
  payloadVersion: string
  uptime: number
  worker: boolean
}

/** Chinese message for an operator or editor when the database cannot be reached. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  '数据库暂时无法访问，请稍后再试；若持续出现，请联系管理员。'

type SqliteClient = { execute(sql: string): Promise<{ rows: Record<string, unknown>[] }> }
type MongoConnection = {
  db?: { admin(): { command(command: Record<string, unknown>): Promise<{ version?: string }> } }
}

/** Asks the database for its version: `sqlite_version()` on SQLite, `buildInfo` on MongoDB. */
async function databaseVersion(payload: Payload): Promise<string | null> {
  const db = payload.db as unknown as { client?: SqliteClient; connection?: MongoConnection }
  if (payload.db.name === 'sqlite' && db.client) {
    // sqlite_version() alone never touches the file; reading the schema table does.
    const { rows } = await db.client.execute(
      'select sqlite_version() as version, (select count(*) from sqlite_master) as tables',
    )
    return String(rows[0]?.version ?? '')
  }
  if (payload.db.name === 'mongoose' && db.connection?.db) {
    const info = await db.connection.db.admin().command({ buildInfo: 1 })
    return info.version ?? null
  }
  // Any other adapter: a cheap real query proves reachability; the version is unknown.
  await payload.db.count({ collection: 'users' })
  return null
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        reject(err)
      },
    )
  })
}

/** Reachability, latency and version of the database, never waiting longer than `timeoutMs`. */
export async function checkHealth(
  payload: Payload,
  payloadVersion: string,
  timeoutMs = Number(process.env.HEALTH_TIMEOUT_MS ?? 3000),
): Promise<Health> {
  const started = performance.now()
  let version: string | null = null
  let reachable = true
  try {
    version = await withTimeout(databaseVersion(payload), timeoutMs)
    // A real query answered: calls that were failing fast may go to the database again.
    databaseBreaker()?.settle(undefined)
  } catch {
    // The cause can carry file paths or connection strings: it goes to the log, not the reply.
    reachable = false
  }
  const database = {
    adapter: payload.db.name,
    reachable,
    latencyMs: Math.round((performance.now() - started) * 10) / 10,
    version,
  }
  return {
    status: reachable ? 'ok' : 'error',
    ...(reachable ? {} : { message: DATABASE_UNAVAILABLE_MESSAGE }),
    database,
    payloadVersion,
    uptime: Math.round(process.uptime()),
    // Whether this server holds the worker lease (runs the job queues and the static publisher).
    worker: isWorker(),
  }
}

/** Errors that mean "the database is not there right now", not "this request is wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { code, name, message } = current as { code?: unknown; name?: unknown; message?: unknown }
    const text = `${String(code ?? '')} ${String(name ?? '')} ${String(message ?? '')}`
    if (
      /DATABASE_UNAVAILABLE|SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|NOTADB|CORRUPT|READONLY)|database is locked|unable to open database|MongoServerSelectionError|MongoNetworkError|MongoNotConnectedError|ECONNREFUSED/i.test(
        text,
      )
    ) {
      return true
    }
    current = (current as { cause?: unknown }).cause
  }
  return false
}
