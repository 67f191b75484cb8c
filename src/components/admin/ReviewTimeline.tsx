'use client'

import { formatDateTime } from '@/lib/dates'
import { labelOf } from '@/lib/vocabulary'
import { REVIEW_ACTIONS, REVIEW_STATES } from '@/lib/workflow'

import './ReviewActions.scss'
import { useReviewRecord } from './useReviewRecord'
import { useSiteTimeZone } from './useSiteTimeZone'

/**
 * The review state as information, in the sidebar where the 审核状态 select was: where the
 * document stands, the reviewer's comment while it is returned, and the review log, newest
 * first (what, who, when). It changes only through the actions in the document bar, and follows
 * each save.
 */
export function ReviewTimeline() {
  const record = useReviewRecord()
  const timeZone = useSiteTimeZone()
  const state = record.reviewState
  const comment = record.reviewComment
  const log = record.reviewLog.slice().reverse()
  return (
    <section aria-label="审核状态" className="review-timeline" data-testid="review-timeline">
      <p className="review-timeline__state">
        审核状态
        <strong className={`review-timeline__badge is-${state}`} data-state={state}>
          {labelOf(REVIEW_STATES, state)}
        </strong>
      </p>
      {state === 'returned' && comment ? (
        <div className="review-timeline__comment" data-testid="review-comment">
          <span>审核意见</span>
          <p>{comment}</p>
        </div>
      ) : null}
      {log.length > 0 ? (
        <ol aria-label="审核记录" className="review-timeline__log">
          {log.map((entry, index) => (
            <li key={entry.id ?? index}>
              <span className="review-timeline__action">
                {labelOf(REVIEW_ACTIONS, entry.action ?? '')}
              </span>
              <span>{entry.byName || '—'}</span>
              <time dateTime={entry.at ?? undefined}>{formatDateTime(entry.at, timeZone)}</time>
              {entry.comment ? <p>{entry.comment}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="review-timeline__empty">还没有审核记录</p>
      )}
    </section>
  )
}
