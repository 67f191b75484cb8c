import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { KEEP_ALIVE_TIMEOUT_MS, nextStartArgs } from '@/lib/nextServer'

describe('next start arguments', () => {
  it('keep idle connections open longer than a load balancer’s 60 s', () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000)
    expect(nextStartArgs(3000).join(' ')).toBe(
      `start -p 3000 -H localhost --keepAliveTimeout ${KEEP_ALIVE_TIMEOUT_MS}`,
    )
    expect(nextStartArgs(3000, '/srv/app')[1]).toBe('/srv/app')
  })

  it('`npm start` passes the same keep-alive timeout', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(scripts.start).toMatch(
      new RegExp(`next start --keepAliveTimeout ${KEEP_ALIVE_TIMEOUT_MS}$`),
    )
  })
})
