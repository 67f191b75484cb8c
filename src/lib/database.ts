import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations as sqliteMigrations } from '../migrations/sqlite'
import { projectRoot } from './paths'

/** Default embedded database: a file under the git-ignored `data/` folder. */
export const DEFAULT_SQLITE_URL = `file:${path.join(projectRoot, 'data', 'practice-hub.db')}`

export type DatabaseKind = 'sqlite' | 'mongodb'

/** Which adapter a `DATABASE_URI` selects: unset or `file:` → SQLite; `mongodb(+srv)://` → MongoDB. */
export function databaseKind(uri: string | undefined): DatabaseKind {
  if (!uri || uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URI 无法识别：应以 file:、mongodb:// 或 mongodb+srv:// 开头 / ` +
      `DATABASE_URI must start with file:, mongodb:// or mongodb+srv:// (got "${uri.slice(0, 40)}")`,
  )
}

/** Resolves a `file:` URL against the project root, so scripts and tests agree on the file. */
function resolveSqliteUrl(uri: string | undefined): string {
  const filePath = (uri ?? DEFAULT_SQLITE_URL).slice('file:'.length)
  const absolute = path.isAbsolute(filePath) ? filePath : path.resolve(projectRoot, filePath)
  // The data folder is not in the repository: a fresh clone creates it on first connect.
  mkdirSync(path.dirname(absolute), { recursive: true })
  return `file:${absolute}`
}

/**
 * Mongo-wire servers that are not MongoDB (FerretDB in our test setup) lack transactions and
 * some aggregation stages. The compatibility settings apply only when explicitly requested,
 * never silently to a real MongoDB.
 */
function mongoCompatibility(): Parameters<typeof mongooseAdapter>[0] {
  if (process.env.MONGO_COMPAT !== 'ferretdb') return { url: '' }
  return {
    url: '',
    transactionOptions: false,
    useJoinAggregations: false,
    usePipelineInSortLookup: false,
    disableIndexHints: true,
  }
}

/** The database adapter for `DATABASE_URI`. App code never depends on which one it gets. */
export function databaseAdapter(uri = process.env.DATABASE_URI): DatabaseAdapterObj {
  if (databaseKind(uri) === 'sqlite') {
    return sqliteAdapter({
      client: { url: resolveSqliteUrl(uri) },
      // Schema changes go through committed migrations only, in dev too.
      push: false,
      migrationDir: path.join(projectRoot, 'src', 'migrations', 'sqlite'),
      prodMigrations: sqliteMigrations,
      busyTimeout: 5000,
      wal: false,
    })
  }
  const mongo = mongooseAdapter({
    ...mongoCompatibility(),
    url: uri as string,
    // Boot waits until every collection's indexes exist (a no-op once they do), so the first
    // portal query on a new database never scans, and the collections exist from the start.
    ensureIndexes: true,
    migrationDir: path.join(projectRoot, 'src', 'migrations', 'mongo'),
    // The driver's default is to wait 30 s for a server; fail fast with a clear message instead.
    connectOptions: { serverSelectionTimeoutMS: Number(process.env.MONGO_TIMEOUT_MS ?? 5000) },
  })
  const ferretdb = process.env.MONGO_COMPAT === 'ferretdb'
  return {
    ...mongo,
    init: (args) => {
      const adapter = mongo.init(args)
      if (ferretdb) withoutUpdateProjections(adapter)
      const connect = adapter.connect
      if (connect) {
        adapter.connect = async function (options) {
          try {
            return await connect.call(this, options)
          } catch (err) {
            throw mongoConnectError(uri as string, err)
          }
        }
      }
      return adapter
    },
  }
}

/**
 * FerretDB v1 refuses `findAndModify` with a projection ("support for field \"fields\" is not
 * implemented yet"), which Payload's `updateOne` sends when it asks for selected fields back —
 * among others when it counts failed logins, so accounts never locked. Under
 * `MONGO_COMPAT=ferretdb` updates return the whole document instead; callers read what they
 * selected from it. Real MongoDB keeps the projection.
 */
function withoutUpdateProjections(adapter: ReturnType<DatabaseAdapterObj['init']>): void {
  const updateOne = adapter.updateOne
  adapter.updateOne = function (args) {
    return updateOne.call(this, { ...args, select: undefined })
  }
}

/** A clear bilingual message for a MongoDB server that cannot be reached. */
export function mongoConnectError(uri: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause)
  const safeUri = uri.replace(/\/\/[^@/]*@/, '//***@')
  return new Error(
    `无法连接 MongoDB 数据库（${safeUri}）：请确认数据库服务已启动、地址和账号正确。\n` +
      `Cannot connect to MongoDB at ${safeUri}: check that the server is running and the URI is right. (${reason})`,
  )
}
