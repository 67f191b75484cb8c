import { describe, expect, it } from 'vitest'

describe('an unreachable MongoDB', () => {
  it('fails fast with a clear Chinese and English message', async () => {
    // Port 9 (discard) on loopback: nothing listens, so the driver is refused at once.
    process.env.DATABASE_URI = 'mongodb://ph-user:secret@127.0.0.1:9/practice-hub'
    process.env.MONGO_TIMEOUT_MS = '800'
    const { default: config } = await import('@payload-config')
    const { getPayload } = await import('payload')
    const started = Date.now()
    const error = await getPayload({ config }).then(
      () => null,
      (err: unknown) => err as Error,
    )
    expect(error?.message).toMatch(/无法连接 MongoDB 数据库/)
    expect(error?.message).toMatch(/Cannot connect to MongoDB/)
    expect(error?.message).not.toContain('secret')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})
