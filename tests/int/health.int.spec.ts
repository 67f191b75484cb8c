import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '@/lib/database'

import { lockDatabase } from '../helpers/databaseLock'
import { bootPayload, restGet, shutdownPayload } from '../helpers/payload'

let payload: Payload
const kind = databaseKind(process.env.DATABASE_URI)

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

describe('/api/health', () => {
  it('reports the database adapter, version and latency, uncached, with no secrets', async () => {
    const { status, headers, text } = await restGet('health')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toMatch(/no-store/)
    const body = JSON.parse(text)
    expect(body).toMatchObject({
      status: 'ok',
      // SQLite 3.x, or the Mongo-wire server's own version (FerretDB reports the MongoDB version
      // it is compatible with).
      database:
        kind === 'sqlite'
          ? { adapter: 'sqlite', reachable: true, version: expect.stringMatching(/^3\.\d+/) }
          : { adapter: 'mongoose', reachable: true, version: expect.stringMatching(/^\d+\.\d+/) },
      payloadVersion: expect.stringMatching(/^3\./),
    })
    expect(typeof body.database.latencyMs).toBe('number')
    expect(typeof body.uptime).toBe('number')
    expect(text).not.toContain(process.env.PAYLOAD_SECRET as string)
    expect(text).not.toContain(process.env.TEST_WORK_DIR as string)
  })

  // SQLite only: a file can be locked from outside. MongoDB unavailability (a server that is
  // not there) is tests/int/mongo-unreachable.int.spec.ts.
  it.runIf(kind === 'sqlite')(
    'answers 503 in Chinese while the database is locked, and the API fails clearly; both recover',
    async () => {
      const lock = await lockDatabase(process.env.DATABASE_URI as string)
      try {
        const health = await restGet('health')
        expect(health.status).toBe(503)
        expect(JSON.parse(health.text)).toMatchObject({
          status: 'error',
          message: expect.stringContaining('数据库暂时无法访问'),
          database: { reachable: false },
        })
        const api = await restGet('scripts')
        expect(api.status).toBe(503)
        expect(api.text).toContain('数据库暂时无法访问')
        expect(api.text).not.toMatch(/SQLITE_BUSY|at .*\.js|\/tmp\//)
      } finally {
        await lock.release()
      }
      expect((await restGet('health')).status).toBe(200)
      expect((await restGet('scripts')).status).toBe(200)
    },
    60_000,
  )
})
