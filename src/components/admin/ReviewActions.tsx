'use client'

import {
  Button,
  PublishButton,
  SaveDraftButton,
  toast,
  UnpublishButton,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useOperation,
} from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback, useId, useRef, useState } from 'react'

import { labelOf } from '@/lib/vocabulary'
import { canReview, REVIEW_STATES } from '@/lib/workflow'
import type { User } from '@/payload-types'

import './ReviewActions.scss'
import { useReviewRecord } from './useReviewRecord'

/** The signed-in user's role, or null while signed out. */
function useRole(): User['role'] | null {
  const { user } = useAuth<User>()
  return user?.role ?? null
}

/**
 * Saves the form as a draft revision with extra values (the workflow's request) and says what
 * happened in a Chinese toast. Drafts are not validated here: the server checks what a
 * submission needs.
 */
function useDraftSubmit() {
  const { submit } = useForm()
  const { id, collectionSlug } = useDocumentInfo()
  const operation = useOperation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  return useCallback(
    async (overrides: Record<string, unknown>, done: string) => {
      const search = '?depth=0&fallback-locale=null&draft=true'
      const action = formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}${id ? `/${id}` : ''}${search}`,
      })
      const result = await submit({
        action,
        method: operation === 'update' && id ? 'PATCH' : 'POST',
        overrides: { _status: 'draft', ...overrides },
        skipValidation: true,
        disableSuccessStatus: true,
      })
      if (result?.res?.ok) toast.success(done)
      return result
    },
    [api, collectionSlug, id, operation, submit],
  )
}

/**
 * The draft-side actions, in Payload's "保存草稿" slot: everyone who may save gets 保存草稿;
 * editors and lecturers also 提交审核 (the form is checked as for publishing); reviewers get
 * 退回 on work that waits for them, with the comment asked in a dialog. Payload only renders this
 * slot for people allowed to save the document.
 */
export function DraftActions() {
  const role = useRole()
  const state = useReviewRecord().reviewState
  const reviewing = role !== null && canReview(role)
  const submitForReview = !reviewing && state !== 'submitted'
  return (
    <>
      <SaveDraftButton />
      {submitForReview ? <SubmitForReviewButton /> : null}
      {reviewing && state === 'submitted' ? <ReturnButton /> : null}
    </>
  )
}

function SubmitForReviewButton() {
  const saveDraft = useDraftSubmit()
  const { setSubmitted } = useForm()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      buttonStyle="primary"
      className="review-actions__submit"
      disabled={busy}
      id="action-submit-review"
      onClick={async () => {
        setBusy(true)
        try {
          // The server refuses incomplete work with an error on each missing field; the
          // form shows those errors once it counts as submitted.
          const result = await saveDraft(
            { reviewState: 'submitted' },
            '已提交审核，审核员会在工作台看到。',
          )
          if (!result?.res?.ok) setSubmitted(true)
        } finally {
          setBusy(false)
        }
      }}
      size="medium"
      type="button"
    >
      提交审核
    </Button>
  )
}

function ReturnButton() {
  const saveDraft = useDraftSubmit()
  const dialog = useRef<HTMLDialogElement>(null)
  const [comment, setComment] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const fieldId = useId()
  const close = () => {
    dialog.current?.close()
    setProblem('')
  }
  const confirm = async () => {
    if (!comment.trim()) {
      setProblem('请写明需要修改的地方，编辑会看到这条意见。')
      return
    }
    setBusy(true)
    try {
      const result = await saveDraft(
        { reviewState: 'returned', reviewComment: comment.trim() },
        '已退回，编辑会看到你的意见。',
      )
      if (result?.res?.ok) {
        setComment('')
        close()
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button
        buttonStyle="secondary"
        className="review-actions__return"
        id="action-return"
        onClick={() => dialog.current?.showModal()}
        size="medium"
        type="button"
      >
        退回
      </Button>
      <dialog aria-labelledby={titleId} className="review-actions__dialog" ref={dialog}>
        <h2 id={titleId}>退回修改</h2>
        <label htmlFor={fieldId}>审核意见（编辑会在工作台和文档里看到）</label>
        <textarea
          id={fieldId}
          maxLength={1000}
          onChange={(event) => setComment(event.target.value)}
          rows={5}
          value={comment}
        />
        {problem ? (
          <p className="review-actions__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="review-actions__dialog-buttons">
          <Button buttonStyle="secondary" onClick={close} size="medium" type="button">
            取消
          </Button>
          <Button disabled={busy} onClick={() => void confirm()} size="medium" type="button">
            确认退回
          </Button>
        </div>
      </dialog>
    </>
  )
}

/** "发布" (with 定时发布 in its menu) for reviewers and admins only: the server refuses others. */
export function ReviewerPublishButton() {
  const role = useRole()
  if (role === null || !canReview(role)) return null
  return <PublishButton label="发布" />
}

/** "取消发布" for reviewers and admins only: taking a resource off the portal is theirs to do. */
export function ReviewerUnpublishButton() {
  const role = useRole()
  if (role === null || !canReview(role)) return null
  return <UnpublishButton />
}

/** The review state next to the document's actions, where a phone shows it without scrolling. */
export function ReviewStateBadge() {
  const { reviewState } = useReviewRecord()
  return (
    <span className={`review-timeline__badge is-${reviewState}`} data-testid="review-state-badge">
      {labelOf(REVIEW_STATES, reviewState)}
    </span>
  )
}
