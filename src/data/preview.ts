import { draftMode, headers } from 'next/headers'

import type { User } from '@/payload-types'

import { payloadClient } from './payload'

/**
 * The signed-in staff member previewing drafts, or null. Preview needs both Next's draft mode
 * (switched on by /preview) and a valid admin session; otherwise pages show published content.
 */
export async function previewUser(): Promise<User | null> {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return (user as User | null) ?? null
}
