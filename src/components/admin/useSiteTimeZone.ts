'use client'

import { useEffect, useState } from 'react'

import { DEFAULT_TIME_ZONE, timeZoneOr } from '@/lib/dates'

let siteZone: Promise<string> | null = null

/** The site's time zone for dates (read once per admin page; Beijing time until it is known). */
export function useSiteTimeZone(): string {
  const [zone, setZone] = useState(DEFAULT_TIME_ZONE)
  useEffect(() => {
    siteZone ??= fetch('/api/globals/site?depth=0&select[timeZone]=true', {
      credentials: 'include',
    })
      .then((response) => response.json() as Promise<{ timeZone?: string }>)
      .then((site) => timeZoneOr(site.timeZone))
      .catch(() => DEFAULT_TIME_ZONE)
    let live = true
    void siteZone.then((value) => live && setZone(value))
    return () => {
      live = false
    }
  }, [])
  return zone
}
