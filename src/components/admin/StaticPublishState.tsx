'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { formatDateTime } from '@/lib/dates'

import { useSiteTimeZone } from './useSiteTimeZone'

type Status = {
  state: 'queued' | 'published' | 'failed'
  queuedAt?: string | null
  publishedAt?: string | null
  changedFiles?: number | null
  error?: string | null
}

/**
 * The document's place on the static site, in the sidebar: queued, published (when, how many
 * files changed) or failed (why). Polls while a change waits; shows nothing when static
 * publishing is off or the document was never public.
 */
export function StaticPublishState() {
  const { id, collectionSlug } = useDocumentInfo()
  const [status, setStatus] = useState<Status | null>(null)
  const timeZone = useSiteTimeZone()
  const time = (iso?: string | null) => formatDateTime(iso, timeZone)

  useEffect(() => {
    if (!id || !collectionSlug) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = async () => {
      const key = `${collectionSlug}:${id}`
      try {
        const response = await fetch(
          `/api/static-publish-status?where[key][equals]=${encodeURIComponent(key)}&limit=1&depth=0`,
          { credentials: 'include' },
        )
        const body = (await response.json()) as { docs?: Status[] }
        if (cancelled) return
        const current = body.docs?.[0] ?? null
        setStatus(current)
        timer = setTimeout(load, current?.state === 'queued' ? 1500 : 10_000)
      } catch {
        if (!cancelled) timer = setTimeout(load, 10_000)
      }
    }
    void load()
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
  }, [id, collectionSlug])

  if (!status) return null
  const text =
    status.state === 'published'
      ? `已发布到静态站 · ${time(status.publishedAt)}（更新 ${status.changedFiles ?? 0} 个文件）`
      : status.state === 'queued'
        ? `静态站更新排队中 · ${time(status.queuedAt)}`
        : `静态站发布失败：${status.error ?? '未知错误'}`
  return (
    <div
      className="field-type static-publish-state"
      data-testid="static-publish-state"
      data-state={status.state}
      role="status"
      style={{
        marginBottom: 'var(--base)',
        padding: 'calc(var(--base) / 2)',
        borderRadius: 'var(--style-radius-s)',
        background:
          status.state === 'failed' ? 'var(--theme-error-100)' : 'var(--theme-elevation-50)',
        color: status.state === 'failed' ? 'var(--theme-error-750)' : 'inherit',
        fontSize: '0.85rem',
      }}
    >
      {text}
    </div>
  )
}
