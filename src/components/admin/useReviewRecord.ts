'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { ReviewState } from '@/lib/workflow'

export type ReviewLogEntry = {
  id?: string | null
  action?: string | null
  byName?: string | null
  at?: string | null
  comment?: string | null
}

export type ReviewRecord = {
  reviewState: ReviewState
  reviewComment: string
  reviewLog: ReviewLogEntry[]
  updatedAt: string
}

function recordOf(doc: Record<string, unknown> | null | undefined): ReviewRecord {
  return {
    reviewState: (doc?.reviewState as ReviewState | undefined) ?? 'draft',
    reviewComment: typeof doc?.reviewComment === 'string' ? doc.reviewComment.trim() : '',
    reviewLog: Array.isArray(doc?.reviewLog) ? (doc.reviewLog as ReviewLogEntry[]) : [],
    updatedAt: typeof doc?.updatedAt === 'string' ? doc.updatedAt : '',
  }
}

const newer = (a: ReviewRecord, b: ReviewRecord) =>
  Date.parse(a.updatedAt) > Date.parse(b.updatedAt)

/**
 * The document's review state, comment and log as the server has them now. Starts from the
 * document the edit view loaded and reads the latest revision again after every save: the
 * edit view's own copy can be replaced by an older one (a refresh that was under way while a
 * reviewer published after taking over a locked document), and the actions offered must follow
 * what the server will accept.
 */
export function useReviewRecord(): ReviewRecord {
  const { id, collectionSlug, data, lastUpdateTime } = useDocumentInfo()
  const loaded = recordOf(data)
  const [latest, setLatest] = useState<ReviewRecord | null>(null)

  useEffect(() => {
    if (!id || !collectionSlug) return
    let live = true
    const fields = ['reviewState', 'reviewComment', 'reviewLog', 'updatedAt']
      .map((field) => `select[${field}]=true`)
      .join('&')
    fetch(`/api/${collectionSlug}/${id}?draft=true&depth=0&${fields}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: Record<string, unknown> | null) => {
        if (!live || !doc) return
        const record = recordOf(doc)
        setLatest((current) => (current && !newer(record, current) ? current : record))
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [id, collectionSlug, lastUpdateTime])

  if (latest && !newer(loaded, latest)) return latest
  return loaded
}
