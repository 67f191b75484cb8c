import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

async function call(handler: typeof REST_GET, url: string, slug: string[], init?: RequestInit) {
  const response = await handler(config)(new Request(`http://localhost${url}`, init), {
    params: Promise.resolve({ slug }),
  })
  return { status: response.status, text: await response.text() }
}

describe('malformed REST requests get a Chinese 4xx, not a 500', () => {
  it.each([
    ['/api/media?page=1e309', ['media']],
    ['/api/media?limit=1e309', ['media']],
    ['/api/media?page=99999999999999999999', ['media']],
    ['/api/scripts/..%2F..%2Fusers', ['scripts', '../../users']],
    ['/api/scripts/abc', ['scripts', 'abc']],
  ])('GET %s', async (url, slug) => {
    const { status, text } = await call(REST_GET, url, slug)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(text).not.toMatch(/Failed query|select |SQLITE/)
    if (status === 400) expect(text).toContain('请求参数无效')
  })

  it('answers a body that is not JSON with a Chinese 400', async () => {
    const { status, text } = await call(REST_POST, '/api/scripts', ['scripts'], {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'not json {',
    })
    expect(status).toBe(400)
    expect(text).toContain('请求内容不是有效的 JSON')
  })
})
