import type { Role } from './vocabulary'

/** Review states of a resource: draft → submitted (待审) → published, or → returned (退回). */
export const REVIEW_STATES = [
  { label: '草稿', value: 'draft' },
  { label: '待审', value: 'submitted' },
  { label: '退回', value: 'returned' },
  { label: '已发布', value: 'published' },
] as const

export type ReviewState = (typeof REVIEW_STATES)[number]['value']

export const REVIEW_ACTIONS = [
  { label: '提交审核', value: 'submit' },
  { label: '退回修改', value: 'return' },
  { label: '审核发布', value: 'publish' },
  { label: '撤回为草稿', value: 'withdraw' },
] as const

export type ReviewAction = (typeof REVIEW_ACTIONS)[number]['value']

export type TransitionRequest = {
  role: Role
  /** Whether the document's org is inside the actor's scope. */
  inScope: boolean
  from: ReviewState
  /** The state the editor asked for (the reviewState field as submitted). */
  requested: ReviewState
  /** Whether this write publishes (the document ends up with _status 'published'). */
  publishing: boolean
  comment?: string | null
}

export type TransitionResult =
  { ok: true; state: ReviewState; action: ReviewAction | null } | { ok: false; message: string }

export const canReview = (role: Role): boolean => role === 'admin' || role === 'reviewer'

/**
 * Decides a workflow transition. Pure: the hook supplies who acts, on what, and what they ask
 * for; this returns the resulting state and the action to record, or the Chinese reason it is
 * refused.
 */
export function decideTransition(request: TransitionRequest): TransitionResult {
  const { role, inScope, from, requested, publishing } = request
  const comment = request.comment?.trim() ?? ''
  if (!inScope) return { ok: false, message: '该资源所属组织不在你的管理范围内' }

  if (publishing) {
    if (!canReview(role)) {
      return { ok: false, message: '编辑和宣讲员不能直接发布，请先提交审核，由审核员发布' }
    }
    return { ok: true, state: 'published', action: from === 'published' ? null : 'publish' }
  }

  switch (requested) {
    case 'submitted':
      if (from === 'submitted') return { ok: true, state: 'submitted', action: null }
      return { ok: true, state: 'submitted', action: 'submit' }
    case 'returned':
      if (from === 'returned') return { ok: true, state: 'returned', action: null }
      if (!canReview(role)) return { ok: false, message: '只有审核员可以退回稿件' }
      if (from !== 'submitted') return { ok: false, message: '只能退回“待审”的稿件' }
      if (!comment) return { ok: false, message: '退回时请填写审核意见，说明需要修改的地方' }
      return { ok: true, state: 'returned', action: 'return' }
    case 'published':
      // Saving a draft revision of a published resource keeps working on a new draft.
      if (from === 'published') return { ok: true, state: 'draft', action: null }
      return { ok: false, message: '请使用“发布”按钮发布，不能直接把状态改为已发布' }
    case 'draft':
      if (from === 'submitted' || from === 'returned') {
        return { ok: true, state: 'draft', action: 'withdraw' }
      }
      return { ok: true, state: 'draft', action: null }
  }
}
