'use client'

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'

import { orderApiUrl, postJson, savedOrders, type SavedOrder } from './api'

type View = {
  number: string
  status: string
  statusLabel: string
  createdAt: string
  resource: { kind: string; kindLabel: string; title: string; url: string } | null
  subject: string | null
  preferredDates: string[]
  audience: string
  audienceSize: number | null
  scheduledAt: string | null
  place: string | null
  lecturer: { name: string; kind: string } | null
  timeline: { at: string; action: string; label: string }[]
  rating: number | null
  canRate: boolean
}

const STEPS = [
  ['pending', '点单'],
  ['dispatched', '派单'],
  ['accepted', '接单'],
  ['completed', '宣讲'],
  ['rated', '评价'],
] as const

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const formatDateTime = (iso: string) => dateTime.format(new Date(iso))

/** `2026-12-12` → 2026年12月12日 */
const formatDay = (day: string) => {
  const [year, month, date] = day.split('-').map(Number)
  return `${year}年${month}月${date}日`
}

/**
 * The resident's private tracking page: the token stays in the address's #fragment (never sent
 * to a server in a request line or a Referer) and is posted in a request body to the app.
 */
export function TrackOrder({ appOrigin }: { appOrigin: string }) {
  const id = useId()
  const [token, setToken] = useState<string | null>(null)
  const [view, setView] = useState<View | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<SavedOrder[]>([])
  const [rateErrors, setRateErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const load = useCallback(
    async (value: string) => {
      setError(null)
      const result = await postJson<View>(orderApiUrl(appOrigin, 'track'), { token: value })
      if (result.ok) setView(result.data)
      else setError(result.error.message)
    },
    [appOrigin],
  )

  useEffect(() => {
    const read = () => {
      const value = window.location.hash.slice(1)
      setToken(value || null)
      setView(null)
      if (value) void load(value)
    }
    setSaved(savedOrders())
    read()
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [load])

  async function rate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!token) return
    const form = new FormData(event.currentTarget)
    setBusy(true)
    const result = await postJson<View>(orderApiUrl(appOrigin, 'rate'), {
      token,
      score: form.get('score') ?? '',
      comment: form.get('comment') ?? '',
    })
    setBusy(false)
    if (result.ok) {
      setRateErrors({})
      setView(result.data)
      return
    }
    setRateErrors(result.error.data?.fields ?? { form: result.error.message })
  }

  if (!token) {
    return (
      <section className="order-saved">
        <h2>这台手机上的点单</h2>
        {saved.length === 0 ? (
          <p className="empty">还没有在这台手机上点过单。点单成功后会给你一个查询链接。</p>
        ) : (
          <ul className="order-saved-list">
            {saved.map((item) => (
              <li key={item.token}>
                <a href={`#${item.token}`}>
                  <strong>{item.number}</strong> {item.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    )
  }
  if (error) {
    return (
      <p className="form-summary" role="alert">
        {error}
      </p>
    )
  }
  if (!view) return <p aria-live="polite">正在查询…</p>

  const reached = STEPS.findIndex(([status]) => status === view.status)
  return (
    <section className="order-track" data-testid="order-track" aria-live="polite">
      <p className="order-number">
        订单号 <strong>{view.number}</strong>
      </p>
      <p className="order-status" data-testid="order-status">
        {view.statusLabel}
      </p>
      {view.status === 'cancelled' ? null : (
        <ol className="order-steps" aria-label="进度">
          {STEPS.map(([status, label], index) => (
            <li
              key={status}
              className={index <= reached ? 'is-done' : undefined}
              aria-current={index === reached ? 'step' : undefined}
            >
              {label}
            </li>
          ))}
        </ol>
      )}
      <dl className="order-facts">
        <dt>内容</dt>
        <dd>
          {view.resource ? (
            <a href={view.resource.url}>
              {view.resource.kindLabel}：{view.resource.title}
            </a>
          ) : null}
          {view.subject ? <span className="order-subject">{view.subject}</span> : null}
        </dd>
        <dt>听众</dt>
        <dd>
          {view.audience}
          {view.audienceSize ? `，约 ${view.audienceSize} 人` : ''}
        </dd>
        <dt>希望日期</dt>
        <dd>{view.preferredDates.map(formatDay).join('、')}</dd>
        {view.lecturer ? (
          <>
            <dt>{view.lecturer.kind}</dt>
            <dd data-testid="order-lecturer">{view.lecturer.name}</dd>
          </>
        ) : null}
        {view.scheduledAt ? (
          <>
            <dt>时间</dt>
            <dd>{formatDateTime(view.scheduledAt)}</dd>
          </>
        ) : null}
        {view.place ? (
          <>
            <dt>地点</dt>
            <dd>{view.place}</dd>
          </>
        ) : null}
        {view.rating ? (
          <>
            <dt>你的评价</dt>
            <dd data-testid="order-rating">{view.rating} 分</dd>
          </>
        ) : null}
      </dl>

      {view.canRate ? (
        <form className="order-rate" onSubmit={rate} noValidate data-testid="rate-form">
          <fieldset>
            <legend>这堂课讲得怎么样？</legend>
            <div className="score-row">
              {[1, 2, 3, 4, 5].map((score) => (
                <label key={score} className="score-choice">
                  <input type="radio" name="score" value={score} />
                  <span>{score} 分</span>
                </label>
              ))}
            </div>
            {rateErrors.score ? <p className="field-error">{rateErrors.score}</p> : null}
            <label htmlFor={`${id}-comment`}>说几句（可不填，审核后公开）</label>
            <textarea id={`${id}-comment`} name="comment" rows={3} maxLength={300} />
            {rateErrors.comment ? <p className="field-error">{rateErrors.comment}</p> : null}
            {rateErrors.form ? (
              <p className="field-error" role="alert">
                {rateErrors.form}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="tool-button" disabled={busy}>
            {busy ? '正在提交…' : '提交评价'}
          </button>
        </form>
      ) : null}

      <h2>进度记录</h2>
      <ol className="order-timeline">
        {view.timeline.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {entry.label}
          </li>
        ))}
      </ol>
    </section>
  )
}
