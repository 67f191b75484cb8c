'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { formatDateTime } from '@/lib/dates'
import { actionLabel } from '@/lib/orders/workflow'

import './ReviewActions.scss'
import { useSiteTimeZone } from './useSiteTimeZone'

type Entry = {
  id?: string | null
  at?: string | null
  action?: string | null
  byName?: string | null
  note?: string | null
}

const entriesOf = (doc: Record<string, unknown> | null | undefined): Entry[] =>
  Array.isArray(doc?.timeline) ? (doc.timeline as Entry[]) : []

/**
 * An order's timeline as information (who did what, when, and why), newest first, in place of
 * the array field: it is written by the server only. Read again after every save.
 */
export function OrderTimeline() {
  const { id, data, lastUpdateTime } = useDocumentInfo()
  const timeZone = useSiteTimeZone()
  const [entries, setEntries] = useState<Entry[]>(() => entriesOf(data))

  useEffect(() => {
    if (!id) return
    let live = true
    fetch(`/api/orders/${String(id)}?depth=0&select[timeline]=true`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: Record<string, unknown> | null) => {
        if (live && doc) setEntries(entriesOf(doc))
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [id, lastUpdateTime])

  return (
    <section aria-label="时间线" className="review-timeline" data-testid="order-timeline">
      <p className="review-timeline__state">时间线</p>
      {entries.length > 0 ? (
        <ol aria-label="订单记录" className="review-timeline__log">
          {entries
            .slice()
            .reverse()
            .map((entry, index) => (
              <li key={entry.id ?? index}>
                <span className="review-timeline__action">{actionLabel(entry.action)}</span>
                <span>{entry.byName || '—'}</span>
                <time dateTime={entry.at ?? undefined}>{formatDateTime(entry.at, timeZone)}</time>
                {entry.note ? <p>{entry.note}</p> : null}
              </li>
            ))}
        </ol>
      ) : (
        <p className="review-timeline__empty">还没有记录</p>
      )}
    </section>
  )
}
