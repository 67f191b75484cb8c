import type { AfterErrorHook } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/health'

/**
 * REST and GraphQL errors caused by an unreachable or locked database become a 503 with a
 * Chinese message instead of a bare 500, so clients know to retry rather than report a bug.
 */
export const databaseUnavailableError: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseUnavailable(error)) return
  req.payload.logger.error(`数据库不可用：${error.message.split('\n')[0].slice(0, 200)}`)
  return {
    status: 503,
    response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] },
  }
}
