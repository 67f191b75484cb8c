import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { afterCommit } from '@/lib/afterCommit'

/**
 * The adapter contract afterCommit relies on (MongoDB with a replica set runs transactions; the
 * SQLite default and FerretDB run without): Payload begins a transaction, keeps its id on the
 * request, and commits or rolls back through `payload.db`.
 */
function requestWithTransaction(id: string | null) {
  const events: string[] = []
  const db = {
    commitTransaction: async (tx: string) => void events.push(`commit ${tx}`),
    rollbackTransaction: async (tx: string) => void events.push(`rollback ${tx}`),
  }
  const logger = { error: (...args: unknown[]) => events.push(`error ${String(args[1])}`) }
  const req = {
    payload: { db, logger },
    transactionID: id === null ? Promise.resolve(null) : id,
  } as unknown as PayloadRequest
  return { req, db, events }
}

describe('afterCommit', () => {
  it('waits for the commit of the request transaction', async () => {
    const { req, db, events } = requestWithTransaction('tx-1')
    await afterCommit(req, () => void events.push('work'))
    expect(events).toEqual([])
    await db.commitTransaction('tx-1')
    expect(events).toEqual(['commit tx-1', 'work'])
  })

  it('drops the work of a transaction that is rolled back', async () => {
    const { req, db, events } = requestWithTransaction('tx-2')
    await afterCommit(req, () => void events.push('work'))
    await db.rollbackTransaction('tx-2')
    await db.commitTransaction('tx-2')
    expect(events).toEqual(['rollback tx-2', 'commit tx-2'])
  })

  it('runs at once where the adapter runs without transactions', async () => {
    const { req, events } = requestWithTransaction(null)
    await afterCommit(req, () => void events.push('work'))
    expect(events).toEqual(['work'])
  })

  it('still commits when the work fails, and logs the failure', async () => {
    const { req, db, events } = requestWithTransaction('tx-3')
    await afterCommit(req, () => {
      throw new Error('刷新失败')
    })
    await db.commitTransaction('tx-3')
    expect(events[0]).toBe('commit tx-3')
    expect(events[1]).toContain('error')
  })
})
