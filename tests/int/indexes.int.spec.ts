import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { RESOURCE_KINDS } from '@/lib/kinds'

import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload

/** Indexed top-level fields of a collection, as column/field names, on either adapter. */
async function indexedFields(collection: string): Promise<string[]> {
  if (payload.db.name === 'mongoose') {
    const models = (
      payload.db as unknown as {
        collections: Record<string, { listIndexes(): Promise<{ key: Record<string, unknown> }[]> }>
      }
    ).collections
    const indexes = await models[collection].listIndexes()
    return indexes.flatMap((index) => Object.keys(index.key)).map(camelCase)
  }
  const client = (
    payload.db as unknown as {
      client: { execute(sql: string): Promise<{ rows: Record<string, unknown>[] }> }
    }
  ).client
  const { rows } = await client.execute(`PRAGMA index_list('${collection}')`)
  const columns: string[] = []
  for (const row of rows) {
    const info = await client.execute(`PRAGMA index_info('${String(row.name)}')`)
    columns.push(...info.rows.map((column) => String(column.name)))
  }
  return columns.map((column) => camelCase(column).replace(/Id$/, ''))
}

/** Column or key names as the test names them: `published_at` → `publishedAt`, `_status` → `Status`. */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

beforeAll(async () => {
  payload = await bootPayload()
})

afterAll(() => shutdownPayload(payload))

describe('indexes for what the portal filters and sorts on', () => {
  it.each(RESOURCE_KINDS)('%s has slug, status, publish date and org indexes', async (kind) => {
    const fields = await indexedFields(kind)
    for (const field of ['slug', 'Status', 'publishedAt', 'org']) {
      expect(
        fields.some((name) => name.endsWith(field)),
        `${kind}.${field}`,
      ).toBe(true)
    }
  })

  it('indexes the kind-specific facets', async () => {
    expect(await indexedFields('scripts')).toEqual(
      expect.arrayContaining(['format', 'dialect', 'durationMinutes']),
    )
    expect(await indexedFields('videos')).toEqual(
      expect.arrayContaining(['dialect', 'durationSeconds']),
    )
  })
})
