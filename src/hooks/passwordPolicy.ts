import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

export const MIN_PASSWORD_LENGTH = 10

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少需要 ${MIN_PASSWORD_LENGTH} 位`
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码需要同时包含字母和数字'
  return null
}

/** Enforces the password rules whenever a password is set or changed. */
export const passwordPolicy: CollectionBeforeValidateHook = ({ data, req, collection }) => {
  const password = data?.password
  if (typeof password !== 'string' || password === '') return data
  const problem = passwordProblem(password)
  if (problem) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'password', message: problem }], req },
      req.t,
    )
  }
  return data
}
