import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '@/lib/database'
import {
  DatabaseBreaker,
  DatabaseUnavailableError,
  installDatabaseBreaker,
} from '@/lib/databaseBreaker'

import { lockDatabase } from '../helpers/databaseLock'
import { bootPayload, restGet, shutdownPayload } from '../helpers/payload'

// Its own file (its own process): installing the breaker changes this process's adapter, and the
// exclusive lock must not meet a read another test's request left behind (seen for up to ~2 s after
// a request on this driver with WAL off).
let payload: Payload
const kind = databaseKind(process.env.DATABASE_URI)

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

describe('an app server while the database is away', () => {
  // SQLite only: a file can be locked from outside; the breaker itself does not know the adapter.
  it.runIf(kind === 'sqlite')(
    'with the breaker of an app server, one call waits for a locked database and the next fail at once; the health check closes it',
    async () => {
      const breaker = installDatabaseBreaker(payload, 60_000)
      const find = () => payload.find({ collection: 'scripts', limit: 1, overrideAccess: true })
      const lock = await lockDatabase(process.env.DATABASE_URI as string)
      try {
        // The first call reaches the database and gets its own error (SQLITE_BUSY)…
        const first = await find().then(
          () => null,
          (err: unknown) => err,
        )
        expect(first).toBeInstanceOf(Error)
        expect(first).not.toBeInstanceOf(DatabaseUnavailableError)
        expect(breaker.isOpen()).toBe(true)
        // …the next ones do not reach it, on reads and writes alike, and the API says so in Chinese.
        await expect(find()).rejects.toBeInstanceOf(DatabaseUnavailableError)
        await expect(
          payload.create({
            collection: 'topics',
            data: { name: '不应写入' },
            overrideAccess: true,
          }),
        ).rejects.toBeInstanceOf(DatabaseUnavailableError)
        const api = await restGet('scripts')
        expect(api.status).toBe(503)
        expect(api.text).toContain('数据库暂时无法访问')
        expect(api.text).not.toMatch(/DATABASE_UNAVAILABLE|failing fast|at .*\.js/)
      } finally {
        await lock.release()
      }
      // The database is back, but nothing has asked it yet: still failing fast (retry is 60 s)…
      await expect(find()).rejects.toBeInstanceOf(DatabaseUnavailableError)
      // …until the health check's real query answers.
      expect((await restGet('health')).status).toBe(200)
      expect(breaker.isOpen()).toBe(false)
      await expect(find()).resolves.toMatchObject({ docs: expect.any(Array) })
      expect(
        await payload.count({ collection: 'topics', where: { name: { equals: '不应写入' } } }),
      ).toMatchObject({ totalDocs: 0 })
    },
    60_000,
  )
})

describe('the database breaker', () => {
  it('opens on an unavailable error for the pause, ignores its own errors, and closes on an answer', () => {
    const breaker = new DatabaseBreaker(5000)
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    expect(() => breaker.enter(0)).not.toThrow()
    // An error that is not about reachability (a validation error) leaves it closed.
    breaker.settle(new Error('标题不能为空'), 0)
    expect(breaker.isOpen(0)).toBe(false)
    breaker.settle(busy, 1000)
    expect(() => breaker.enter(5999)).toThrow(DatabaseUnavailableError)
    // Its own fail-fast errors do not extend the pause.
    breaker.settle(new DatabaseUnavailableError(), 5999)
    expect(() => breaker.enter(6000)).not.toThrow()
    // Calls reach the database again; the next failure means another full pause.
    breaker.settle(busy, 7000)
    expect(() => breaker.enter(11_999)).toThrow(DatabaseUnavailableError)
    // An answer (a call that entered earlier, or the health check) closes it at once.
    breaker.settle(undefined, 8000)
    expect(breaker.isOpen(8000)).toBe(false)
  })
})
