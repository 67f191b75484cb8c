import type { AfterErrorHook, FlattenedField, Payload } from 'payload'
import { ValidationError } from 'payload'

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

type FieldError = { path?: string; label?: unknown; message?: string }

/** The Chinese label of a field path such as `keyPoints.0.point` → "要点 → 要点". */
export function fieldLabel(payload: Payload, collection: string | undefined, path: string): string {
  let fields: FlattenedField[] | undefined = collection
    ? (payload.collections[collection as 'scripts']?.config.flattenedFields ??
      payload.config.globals.find((global) => global.slug === collection)?.flattenedFields)
    : undefined
  const labels: string[] = []
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment)) {
      labels.push(`第 ${Number(segment) + 1} 项`)
      continue
    }
    const field = fields?.find((candidate) => candidate.name === segment)
    const label = field && 'label' in field && typeof field.label === 'string' ? field.label : null
    labels.push(label ?? segment)
    fields =
      field && 'flattenedFields' in field ? (field.flattenedFields as FlattenedField[]) : undefined
  }
  return labels.join(' → ')
}

/**
 * A validation refusal as one Chinese sentence per field, named by its label: "审核状态：只有审核员
 * 可以退回稿件". Payload's own message lists field paths ("下面的字段是无效的： reviewState"), which
 * the admin shows as a toast.
 */
export function validationMessage(payload: Payload, error: ValidationError): string {
  const data = error.data as { collection?: string; global?: string; errors?: FieldError[] }
  const parts = (data.errors ?? []).map((entry) => {
    const label =
      typeof entry.label === 'string' && entry.label
        ? entry.label
        : fieldLabel(payload, data.collection ?? data.global, entry.path ?? '')
    const message = (entry.message ?? '').replace(/[。.]$/, '')
    return label ? `${label}：${message}` : message
  })
  return `未能保存。${parts.join('；')}。`
}

/**
 * Turns errors that are not bugs into clear Chinese answers instead of "Something went wrong":
 * an unreachable or locked database → 503; values the database cannot take (a non-numeric id,
 * page=1e309) → 400; unparseable JSON → 400.
 */
export const explainApiErrors: AfterErrorHook = ({ error, req, result }) => {
  if (isDatabaseUnavailable(error)) {
    req.payload.logger.error(`数据库不可用：${error.message.split('\n')[0].slice(0, 200)}`)
    return { status: 503, response: { errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] } }
  }
  if (error instanceof ValidationError) {
    const data = error.data as { errors?: FieldError[] }
    // The field errors stay (the admin marks each field); the message names them in Chinese.
    return {
      status: 400,
      response: {
        errors: [{ name: 'ValidationError', message: validationMessage(req.payload, error), data }],
      },
    }
  }
  if (isInvalidParameter(error)) {
    return { status: 400, response: { errors: [{ message: INVALID_PARAMETERS_MESSAGE }] } }
  }
  if (error.message === 'Invalid JSON' && (error as { status?: number }).status === 400) {
    return { status: 400, response: { errors: [{ message: INVALID_JSON_MESSAGE }] } }
  }
  return keepPublicMessage(error, result)
}

type ErrorResponse = { errors?: { message?: string }[] }

/**
 * A public error keeps its own message. In production builds Payload's error classes can reach
 * this point without their names (the bundler drops class names, so `APIError#name` is ""), and
 * Payload then formats a deliberate, public refusal such as the 409 for a stale save as "An unknown
 * error occurred.". The message was written for the person who sees it: it is put back.
 */
function keepPublicMessage(
  error: Error,
  result: unknown,
): { response: Record<string, unknown> } | undefined {
  const { isPublic, data } = error as { isPublic?: boolean; data?: unknown }
  const formatted = (result as ErrorResponse | undefined)?.errors?.[0]?.message
  if (!isPublic || !error.message || formatted === error.message) return undefined
  if (formatted !== 'An unknown error occurred.') return undefined
  return {
    response: {
      errors: [
        { name: error.name || 'APIError', message: error.message, ...(data ? { data } : {}) },
      ],
    },
  }
}
