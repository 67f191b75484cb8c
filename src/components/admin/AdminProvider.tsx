'use client'

import { useAuth } from '@payloadcms/ui'
import { useEffect, type ReactNode } from 'react'

import { formatDateTime } from '@/lib/dates'
import { canReview } from '@/lib/workflow'
import type { User } from '@/payload-types'

import { useSiteTimeZone } from './useSiteTimeZone'

/**
 * Payload's own date displays, which follow the browser's clock zone: the document header
 * (Payload's `dateFormat`, "2026年12月2日 16:15" in browser time) and the document-locked
 * dialog (US English, "Dec 2, 2026, 4:15 PM"). Each is read back as browser time and shown in
 * the site's zone, so it agrees with our lists, dashboard and review log.
 */
const PAYLOAD_DATES: { selector: string; parse: (text: string) => Date | null }[] = [
  {
    selector: '.doc-controls__value',
    parse: (text) => {
      const match = /^(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})$/.exec(text)
      if (!match) return null
      const [, year, month, day, hour, minute] = match.map(Number)
      return new Date(year, month - 1, day, hour, minute)
    },
  },
  {
    selector: '.document-locked__content p strong',
    parse: (text) =>
      /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/.test(text)
        ? new Date(text.replace(/, (\d{1,2}:\d{2})/, ' $1'))
        : null,
  },
]

/** Text nodes already rewritten: what was written and the moment it shows (never shifted twice). */
const rewritten = new WeakMap<Node, { text: string; date: Date }>()

function localizePayloadDates(timeZone: string): void {
  for (const { selector, parse } of PAYLOAD_DATES) {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // Edit the text node React rendered rather than replacing it, so React can still update it.
      const node = element.firstChild
      if (node?.nodeType !== Node.TEXT_NODE) continue
      const earlier = rewritten.get(node)
      const date =
        earlier && earlier.text === node.nodeValue
          ? earlier.date
          : parse(node.nodeValue?.trim() ?? '')
      if (!date || Number.isNaN(date.getTime())) continue
      const text = formatDateTime(date, timeZone)
      rewritten.set(node, { text, date })
      if (node.nodeValue !== text) node.nodeValue = text
    }
  }
}

/**
 * Two adjustments for places Payload gives no component slot:
 * - marks the root element with whether the signed-in person reviews (`data-ph-reviewer`), so
 *   the list view's bulk 发布 / 取消发布, which the server refuses to editors and lecturers, are
 *   hidden from them (custom.scss);
 * - shows Payload's own dates (document header, lock dialog) in the site's zone, in Chinese.
 */
export function AdminProvider({ children }: { children?: ReactNode }) {
  const { user } = useAuth<User>()
  const reviewer = user ? canReview(user.role) : false
  const timeZone = useSiteTimeZone()

  useEffect(() => {
    document.documentElement.dataset.phReviewer = reviewer ? 'yes' : 'no'
  }, [reviewer])

  useEffect(() => {
    const localize = () => localizePayloadDates(timeZone)
    const observer = new MutationObserver(localize)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    localize()
    return () => observer.disconnect()
  }, [timeZone])

  return <>{children}</>
}
