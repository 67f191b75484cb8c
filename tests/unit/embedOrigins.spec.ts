import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { embedOrigins, resetEmbedOrigins } from '@/lib/embedOrigins'

/**
 * The proxy's embedding origins, read from a stand-in for the server's own REST API: `answer`
 * decides each response (null: never answer, like a server too busy to get to it).
 */
let server: Server
let origin: string
let reads = 0
let answer: (() => string[] | null) | null = null
const held: ServerResponse[] = []

function respond(_req: IncomingMessage, res: ServerResponse) {
  reads += 1
  const origins = answer?.()
  if (!origins) {
    held.push(res)
    return
  }
  res.setHeader('content-type', 'application/json')
  res.end(JSON.stringify({ embedOrigins: origins.map((o) => ({ origin: o })) }))
}

beforeEach(async () => {
  resetEmbedOrigins()
  reads = 0
  server = createServer(respond)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterEach(async () => {
  delete process.env.EMBED_ORIGINS_TTL_MS
  for (const res of held.splice(0)) res.destroy()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now()
  const value = await work
  return { value, ms: Date.now() - started }
}

describe('embedOrigins', () => {
  it('reads the origins once, cleaned, and keeps them for the TTL', async () => {
    answer = () => ['https://media.example.cn/', 'javascript:alert(1)']
    expect(await embedOrigins(origin)).toEqual(['https://media.example.cn'])
    expect(await embedOrigins(origin)).toEqual(['https://media.example.cn'])
    expect(reads).toBe(1)
  })

  it('never holds a request once it has read: requests get the last origins while one read runs', async () => {
    process.env.EMBED_ORIGINS_TTL_MS = '0'
    answer = () => ['https://a.example.cn']
    expect(await embedOrigins(origin)).toEqual(['https://a.example.cn'])

    // The next read is not answered: twenty requests arrive meanwhile.
    answer = () => null
    const calls = await timed(Promise.all(Array.from({ length: 20 }, () => embedOrigins(origin))))
    expect(calls.value.every((o) => o.join() === 'https://a.example.cn')).toBe(true)
    expect(calls.ms).toBeLessThan(500)
    await expect.poll(() => reads).toBe(2)

    // The stuck read is given up; the one after it brings the change.
    answer = () => ['https://b.example.cn']
    await expect
      .poll(() => embedOrigins(origin), { timeout: 6000, interval: 100 })
      .toEqual(['https://b.example.cn'])
  })

  it('gives up a first read that is never answered, and frames only the portal meanwhile', async () => {
    answer = () => null
    const first = await timed(embedOrigins(origin))
    expect(first.value).toEqual([])
    expect(first.ms).toBeGreaterThanOrEqual(2900)
    expect(first.ms).toBeLessThan(4500)
  })
})
