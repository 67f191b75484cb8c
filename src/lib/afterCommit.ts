import type { PayloadRequest } from 'payload'

type Work = () => Promise<void> | void
type TransactionId = string | number

const pending = new Map<TransactionId, Work[]>()
type Adapter = PayloadRequest['payload']['db']

const wrapped = new WeakSet<Adapter>()

/**
 * Runs `work` once the request's transaction has committed, or now when there is none. Hooks run
 * inside the transaction: invalidating a page there lets a reader who arrives before the commit
 * cache the old version again, after the invalidation, for good. Payload commits before it sends
 * the response, so the work is done before the editor's next request. A rolled-back transaction
 * drops its work.
 */
export async function afterCommit(req: PayloadRequest, work: Work): Promise<void> {
  // While a transaction is being started the request holds its promise (a thenable, possibly
  // from another realm); adapters without transactions (SQLite here) leave it resolving to null.
  const id = await req.transactionID
  if (id === undefined || id === null || typeof id === 'object') {
    await work()
    return
  }
  wrapAdapter(req.payload.db, (err) =>
    req.payload.logger.error({ err }, '提交后的任务失败 after-commit work failed'),
  )
  const list = pending.get(id) ?? []
  list.push(work)
  pending.set(id, list)
}

/** Wraps the adapter's commit and rollback once, so queued work follows its transaction. */
function wrapAdapter(db: Adapter, onError: (err: unknown) => void): void {
  if (wrapped.has(db)) return
  wrapped.add(db)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    await commit(id)
    const key = id as TransactionId
    const works = pending.get(key) ?? []
    pending.delete(key)
    for (const work of works) {
      try {
        await work()
      } catch (err) {
        onError(err)
      }
    }
  }
  db.rollbackTransaction = async (id) => {
    pending.delete(id as TransactionId)
    await rollback(id)
  }
}
