import type { Where } from 'payload'

import { PUBLISHED } from '@/access/publishedOrAuthenticated'

/**
 * The one filter for "what is public", used by every portal surface. Queries also run with
 * `overrideAccess: false` and no user, so the collection's read access applies on top.
 */
export function publicWhere(extra?: Where): Where {
  return extra ? { and: [PUBLISHED, extra] } : PUBLISHED
}

/** Options every public read passes to the Local API. */
export const PUBLIC_READ = { overrideAccess: false, draft: false } as const
