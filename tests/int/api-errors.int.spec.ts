import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import { APIError, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { explainApiErrors } from '@/hooks/apiErrors'
import { STALE_UPDATE_MESSAGE } from '@/hooks/rejectStaleUpdate'

import { createCounty } from '../helpers/county'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let token: string

beforeAll(async () => {
  payload = await bootPayload()
  const county = await createCounty(payload)
  token = (
    await payload.login({
      collection: 'users',
      data: { email: county.users.admin.email, password: 'demo-pass-2026' },
    })
  ).token as string
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
    ['/api/cases?where[_status][equals]=a&where[_status][equals]=b', ['cases']],
    ['/api/globals/site/versions/abc', ['globals', 'site', 'versions', 'abc']],
    ['/api/scripts/versions/abc', ['scripts', 'versions', 'abc']],
  ])('GET %s', async (url, slug) => {
    const { status, text } = await call(REST_GET, url, slug)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(text).not.toMatch(/Failed query|select |SQLITE/)
    // Payload's own 4xx answers (e.g. "Missing ID of version.") are fine; ours are in Chinese.
    if (status === 400 && !/Missing ID/.test(text)) expect(text).toContain('请求参数无效')
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

  it.each([
    ['orgs', 'text/plain', 'not json {'],
    ['users', 'application/x-www-form-urlencoded', 'not json {'],
    ['topics', 'application/json', '[]'],
    ['scripts', 'application/json', '"字符串"'],
  ])(
    'a logged-in POST /api/%s with a %s body that is not an object → 400',
    async (slug, type, body) => {
      const before = (await payload.count({ collection: slug as 'orgs' })).totalDocs
      const { status, text } = await call(REST_POST, `/api/${slug}`, [slug], {
        method: 'POST',
        headers: { 'Content-Type': type, Authorization: `JWT ${token}` },
        body,
      })
      expect(status).toBe(400)
      expect(text).toMatch(/[\u4e00-\u9fff]/)
      expect((await payload.count({ collection: slug as 'orgs' })).totalDocs).toBe(before)
    },
  )

  it.each([
    ['/api/globals/site/versions/abc', ['globals', 'site', 'versions', 'abc']],
    ['/api/scripts/versions/abc', ['scripts', 'versions', 'abc']],
    ['/api/scripts/abc', ['scripts', 'abc']],
  ])('a logged-in GET %s → 4xx', async (url, slug) => {
    const response = await REST_GET(config)(
      new Request(`http://localhost${url}`, { headers: { Authorization: `JWT ${token}` } }),
      { params: Promise.resolve({ slug }) },
    )
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
  })
})

describe('public refusals keep their Chinese message', () => {
  it('puts back the message Payload formats as "An unknown error occurred." when the class name is lost', async () => {
    // What a production bundle hands the hook: an APIError whose class name was dropped.
    const error = new APIError(STALE_UPDATE_MESSAGE, 409, { storedUpdatedAt: 'x' }, true)
    error.name = ''
    const req = { payload } as PayloadRequest
    const result = await explainApiErrors({
      error,
      req,
      context: {},
      collection: payload.collections.scripts.config,
      result: { errors: [{ message: 'An unknown error occurred.' }] },
    } as never)
    expect(result).toEqual({
      response: {
        errors: [
          { name: 'APIError', message: STALE_UPDATE_MESSAGE, data: { storedUpdatedAt: 'x' } },
        ],
      },
    })
    // A private error (a bug) stays masked; a message Payload already shows is left alone.
    const internal = new APIError('SQLITE_CONSTRAINT: secret detail', 500)
    internal.name = ''
    expect(
      await explainApiErrors({
        error: internal,
        req,
        context: {},
        result: { errors: [{ message: 'Something went wrong.' }] },
      } as never),
    ).toBeUndefined()
    expect(
      await explainApiErrors({
        error: new APIError(STALE_UPDATE_MESSAGE, 409, null, true),
        req,
        context: {},
        result: { errors: [{ message: STALE_UPDATE_MESSAGE }] },
      } as never),
    ).toBeUndefined()
  })
})
