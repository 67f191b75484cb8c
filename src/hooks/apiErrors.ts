import type { AfterErrorHook } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/health'

/** Chinese message for request parameters the database cannot take (ids, page, limit…). */
export const INVALID_PARAMETERS_MESSAGE =
  '请求参数无效：请检查地址中的 id、页码（page）、每页条数（limit）或筛选条件。'
export const INVALID_JSON_MESSAGE = '请求内容不是有效的 JSON。'

/** Errors raised by the database driver because a client sent a value of the wrong kind. */
export function isInvalidParameter(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current)
    const { name, message } = current as { name?: unknown; message?: unknown }
    if (
      /Only finite numbers|datatype mismatch|can only bind numbers|Cast to ObjectId failed|BSONError|input must be a 24 character hex/i.test(
        `${String(name ?? '')} ${String(message ?? '')}`,
      ) ||
      name === 'CastError'
    ) {
      return true
    }
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * Turns errors that are not bugs into clear Chinese answers instead of "Something went wrong":
 * an unreachable or locked database → 503; values the database cannot take (a non-numeric id,
 * page=1e309) → 400; unparseable JSON → 400.
 */
export const explainApiErrors: AfterErrorHook = ({ error, req }) => {
  if (isDatabaseUnavailable(error)) {
    req.payload.logger.error(`数据库不可用：${error.message.split('\n')[0].slice(0, 200)}`)
    return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
  }
  if (isInvalidParameter(error)) {
    return { status: 400, response: { errors: [{ message: INVALID_PARAMETERS_MESSAGE }] } }
  }
  if (error.message === 'Invalid JSON' && (error as { status?: number }).status === 400) {
    return { status: 400, response: { errors: [{ message: INVALID_JSON_MESSAGE }] } }
  }
}
