import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { guarded } from '../databaseBreaker'

/**
 * The two atomic operations several servers on one database need, on each adapter: take or keep a
 * lease, and count a hit in a shared window. Payload's generic `updateOne` reads the row first and
 * writes it afterwards, which two servers can interleave; these go to the driver instead:
 * - SQLite: one upsert statement guarded by a condition (SQLite runs each statement atomically);
 * - MongoDB: a lease changes hands only by deleting the expired lease document and inserting a new
 *   one, so the unique index on the lease's name decides between racing servers; only the holder
 *   updates its own document. Counters use `$inc`, atomic on MongoDB. FerretDB applies `$inc` and
 *   conditional updates by reading and then writing the document, so two servers can lose each
 *   other's increments: under `MONGO_COMPAT=ferretdb` each hit is a row of its own instead,
 *   counted afterwards (never under-counted).
 */

type SqliteClient = {
  execute(statement: {
    sql: string
    args: (string | number)[]
  }): Promise<{ rows: Record<string, unknown>[] }>
}

type MongoCollection = {
  findOne(filter: Record<string, unknown>): Promise<Record<string, unknown> | null>
  updateOne(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<{ matchedCount: number; modifiedCount: number }>
  insertOne(doc: Record<string, unknown>): Promise<unknown>
  deleteOne(filter: Record<string, unknown>): Promise<unknown>
  countDocuments(filter: Record<string, unknown>): Promise<number>
  findOneAndUpdate(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
    options: Record<string, unknown>,
  ): Promise<Record<string, unknown> | null>
}

type Adapter =
  | { kind: 'sqlite'; client: SqliteClient }
  | { kind: 'mongo'; collection(slug: string): MongoCollection }

function adapterOf(payload: Payload): Adapter {
  const db = payload.db as unknown as {
    client?: SqliteClient
    collections?: Record<string, { collection: MongoCollection }>
  }
  if (payload.db.name === 'sqlite' && db.client) return { kind: 'sqlite', client: db.client }
  if (payload.db.name === 'mongoose' && db.collections) {
    const collections = db.collections
    return {
      kind: 'mongo',
      collection: (slug) => {
        const model = collections[slug]
        if (!model) throw new Error(`未知集合 unknown collection: ${slug}`)
        return model.collection
      },
    }
  }
  throw new Error(`不支持的数据库适配器 unsupported adapter: ${payload.db.name}`)
}

const isDuplicateKey = (err: unknown) => (err as { code?: unknown })?.code === 11000

/**
 * Takes the lease `name` for `holder` until `now + ttlMs`, or keeps it when `holder` already has
 * it. Succeeds only when nobody else holds an unexpired lease of that name.
 */
export function tryLease(
  payload: Payload,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  return guarded(() => takeLease(payload, name, holder, ttlMs, now))
}

async function takeLease(
  payload: Payload,
  name: string,
  holder: string,
  ttlMs: number,
  now: Date,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs)
  const adapter = adapterOf(payload)
  if (adapter.kind === 'sqlite') {
    // The upsert's condition decides: a row comes back only when the lease was free, expired or ours.
    const { rows } = await adapter.client.execute({
      sql:
        'INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, ' +
        "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') " +
        'WHERE leases.holder = excluded.holder OR leases.expires_at < ? ' +
        'RETURNING holder',
      args: [name, holder, expiresAt.toISOString(), now.toISOString()],
    })
    return rows.length === 1 && rows[0].holder === holder
  }
  const leases = adapter.collection('leases')
  const current = await leases.findOne({ name })
  if (current && current.holder === holder && (current.expiresAt as Date) > now) {
    // Only the holder writes its own unexpired lease: a renewal cannot race another server.
    const { matchedCount } = await leases.updateOne(
      { _id: current._id, holder, expiresAt: { $gt: now } },
      { $set: { expiresAt, updatedAt: now } },
    )
    return matchedCount === 1
  }
  if (current && (current.expiresAt as Date) > now) return false
  // Free or expired: the expired document goes (by its id: a newer lease has another id), and of
  // the servers that insert a new one, the unique index lets exactly one succeed.
  if (current) await leases.deleteOne({ _id: current._id })
  try {
    await leases.insertOne({ name, holder, expiresAt, createdAt: now, updatedAt: now })
    return true
  } catch (err) {
    if (isDuplicateKey(err)) return false
    throw err
  }
}

/** Gives a lease back at once (a server shutting down), if `holder` still has it. */
export async function releaseLease(payload: Payload, name: string, holder: string): Promise<void> {
  const adapter = adapterOf(payload)
  if (adapter.kind === 'sqlite') {
    await adapter.client.execute({
      sql: 'DELETE FROM leases WHERE name = ? AND holder = ?',
      args: [name, holder],
    })
    return
  }
  await adapter.collection('leases').deleteOne({ name, holder })
}

/**
 * Counts one hit on `key` in the fixed window of `windowMs` that `now` falls in, and returns the
 * window's count so far, this hit included.
 */
export function countHit(
  payload: Payload,
  key: string,
  windowMs: number,
  now = Date.now(),
): Promise<{ count: number; resetAt: number }> {
  return guarded(() => countOne(payload, key, windowMs, now))
}

async function countOne(
  payload: Payload,
  key: string,
  windowMs: number,
  now: number,
): Promise<{ count: number; resetAt: number }> {
  const windowStart = Math.floor(now / windowMs) * windowMs
  const resetAt = windowStart + windowMs
  const rowKey = `${key}@${windowStart}`
  const expiresAt = new Date(resetAt)
  const adapter = adapterOf(payload)
  if (adapter.kind === 'sqlite') {
    const { rows } = await adapter.client.execute({
      sql:
        'INSERT INTO rate_counters (key, count, expires_at) VALUES (?, 1, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET count = rate_counters.count + 1 RETURNING count',
      args: [rowKey, expiresAt.toISOString()],
    })
    return { count: Number(rows[0]?.count ?? 1), resetAt }
  }
  const counters = adapter.collection('rate-counters')
  const created = new Date(now)
  if (process.env.MONGO_COMPAT === 'ferretdb') {
    await counters.insertOne({
      key: `${rowKey}#${randomUUID()}`,
      window: rowKey,
      count: 1,
      expiresAt,
      createdAt: created,
      updatedAt: created,
    })
    return { count: await counters.countDocuments({ window: rowKey }), resetAt }
  }
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await counters.findOneAndUpdate(
        { key: rowKey },
        {
          $inc: { count: 1 },
          $setOnInsert: { expiresAt, createdAt: created, updatedAt: created },
        },
        { upsert: true, returnDocument: 'after' },
      )
      return { count: Number(doc?.count ?? 1), resetAt }
    } catch (err) {
      // Two first hits of a window raced to insert its row: the loser counts on the winner's.
      if (isDuplicateKey(err) && attempt < 2) continue
      throw err
    }
  }
}
