import { createHash, randomBytes } from 'node:crypto'

import { CONTROL } from './submission'

/**
 * The resident's private tracking link carries a random token (24 bytes, 192 bits). The database
 * keeps only its SHA-256, so neither a database copy nor any API answer can rebuild the link.
 */
export function newTrackingToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url')
  return { token, hash: hashTrackingToken(token) }
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A token as we issue it: 32 characters of base64url. */
export function isTrackingTokenShape(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value)
}

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** A readable order number for the phone: DD + the day + 5 characters without 0/O/1/I. */
export function newOrderNumber(day: string): string {
  const bytes = randomBytes(5)
  const tail = [...bytes].map((byte) => NUMBER_ALPHABET[byte % NUMBER_ALPHABET.length]).join('')
  return `DD${day.replaceAll('-', '')}-${tail}`
}

export const RATING_COMMENT_MAX = 300

export type ParsedRating =
  | { ok: true; score: 1 | 2 | 3 | 4 | 5; comment: string | null }
  | { ok: false; errors: { score?: string; comment?: string } }

/** The resident's rating: a whole score 1–5 and an optional comment. */
export function parseRating(body: Record<string, unknown>): ParsedRating {
  const errors: { score?: string; comment?: string } = {}
  const raw = typeof body.score === 'string' ? Number(body.score.trim()) : body.score
  if (body.score === undefined || body.score === null || body.score === '')
    errors.score = '请选择 1–5 分'
  else if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 5)
    errors.score = '评分应为 1–5 的整数'
  let comment: string | null = null
  if (body.comment !== undefined && body.comment !== null && typeof body.comment !== 'string') {
    errors.comment = '评价内容应为文字'
  } else if (typeof body.comment === 'string') {
    comment = body.comment.normalize('NFC').trim() || null
    if (comment && CONTROL.test(comment)) errors.comment = '评价内容含有无效字符'
    else if (comment && [...comment].length > RATING_COMMENT_MAX)
      errors.comment = `评价内容最多 ${RATING_COMMENT_MAX} 字`
  }
  if (errors.score || errors.comment) return { ok: false, errors }
  return { ok: true, score: raw as 1 | 2 | 3 | 4 | 5, comment }
}
