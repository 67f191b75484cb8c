import { draftMode, headers } from 'next/headers'

import type { User } from '@/payload-types'

import { payloadClient } from './payload'

/**
 * The signed-in staff member previewing drafts, or null. Preview needs both Next's draft mode
 * (switched on by /preview) and a valid admin session; otherwise pages show published content.
 */
export async function previewUser(): Promise<User | null> {
  let isEnabled = false
  try {
    isEnabled = (await draftMode()).isEnabled
  } catch {
    // Outside a Next.js request (scripts, tests, the exporter's own calls): never a preview.
    return null
  }
  if (!isEnabled) return null
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return (user as User | null) ?? null
}
