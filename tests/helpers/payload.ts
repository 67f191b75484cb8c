import config from '@payload-config'
import { REST_GET } from '@payloadcms/next/routes'
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
