import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lockDatabase } from '../helpers/databaseLock'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

async function get(...slug: string[]) {
  const response = await REST_GET(config)(new Request(`http://localhost/api/${slug.join('/')}`), {
    params: Promise.resolve({ slug }),
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

describe('/api/health', () => {
  it('reports the database adapter, version and latency, uncached, with no secrets', async () => {
    const { status, headers, text } = await get('health')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toMatch(/no-store/)
    const body = JSON.parse(text)
    expect(body).toMatchObject({
      status: 'ok',
      database: { adapter: 'sqlite', reachable: true, version: expect.stringMatching(/^3\.\d+/) },
      payloadVersion: expect.stringMatching(/^3\./),
    })
    expect(typeof body.database.latencyMs).toBe('number')
    expect(typeof body.uptime).toBe('number')
    expect(text).not.toContain(process.env.PAYLOAD_SECRET as string)
    expect(text).not.toContain(process.env.TEST_WORK_DIR as string)
  })

  it('answers 503 in Chinese while the database is locked, and the API fails clearly; both recover', async () => {
    const lock = await lockDatabase(process.env.DATABASE_URI as string)
    try {
      const health = await get('health')
      expect(health.status).toBe(503)
      expect(JSON.parse(health.text)).toMatchObject({
        status: 'error',
        message: expect.stringContaining('数据库暂时无法访问'),
        database: { reachable: false },
      })
      const api = await get('scripts')
      expect(api.status).toBe(503)
      expect(api.text).toContain('数据库暂时无法访问')
      expect(api.text).not.toMatch(/SQLITE_BUSY|at .*\.js|\/tmp\//)
    } finally {
      await lock.release()
    }
    expect((await get('health')).status).toBe(200)
    expect((await get('scripts')).status).toBe(200)
  }, 60_000)
})
