import config from '@payload-config'
import { GRAPHQL_POST, REST_GET, REST_POST } from '@payloadcms/next/routes'
import { getPayload, type Migration, type Payload } from 'payload'

import { databaseKind } from '@/lib/database'
import { migrations } from '@/migrations/sqlite'

/**
 * Boots the real Payload Local API on this test file's own database, with the committed
 * migrations applied on SQLite (MongoDB needs none).
 */
export async function bootPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  if (databaseKind(process.env.DATABASE_URI) === 'sqlite') {
    // The generated migrations are typed for the SQLite adapter; `migrate` takes the generic shape.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  return payload
}

/** Closes the database connection at the end of a file. */
export async function shutdownPayload(payload: Payload | undefined): Promise<void> {
  if (!payload) return
  if (payload.db.name === 'mongoose') {
    // Each file made its own database on the shared server: drop it.
    await (
      payload.db as unknown as { connection: { dropDatabase(): Promise<unknown> } }
    ).connection.dropDatabase()
  }
  await payload.db.destroy?.()
}

/** An anonymous GET through Payload's real REST route: `restGet('scripts?limit=1')`. */
export async function restGet(
  pathAndQuery: string,
): Promise<{ status: number; headers: Headers; text: string }> {
  const url = new URL(`http://localhost/api/${pathAndQuery}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await REST_GET(config)(new Request(url), { params: Promise.resolve({ slug }) })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** An API answer: Payload's error shape (with our per-field messages) or a result. */
export type ApiJson = {
  errors?: { message: string; data?: { fields?: Record<string, string> } }[]
} & Record<string, unknown>

/** A POST of a JSON body through Payload's real REST route, from a given client address. */
export async function restPost(
  path: string,
  body: unknown,
  { address = '203.0.113.9', raw = false }: { address?: string; raw?: boolean } = {},
): Promise<{ status: number; headers: Headers; json: ApiJson }> {
  const url = new URL(`http://localhost/api/${path}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const request = new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body: raw ? String(body) : JSON.stringify(body),
  })
  const response = await REST_POST(config)(request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : {}) as ApiJson,
  }
}

/** An anonymous GraphQL query through Payload's real route; the answer's text. */
export async function graphql(query: string): Promise<string> {
  const response = await GRAPHQL_POST(config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query }),
    }),
  )
  return response.text()
}
