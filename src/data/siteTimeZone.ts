import type { Payload } from 'payload'
import { cache } from 'react'

import { timeZoneOr } from '@/lib/dates'

/** The time zone the site settings choose for dates (Beijing time by default), once per render. */
export const siteTimeZone = cache(async (payload: Payload): Promise<string> => {
  const site = await payload.findGlobal({
    slug: 'site',
    depth: 0,
    select: { timeZone: true },
    overrideAccess: true,
  })
  return timeZoneOr(site.timeZone)
})
