'use client'

import { useEffect, useId, useState, type FormEvent } from 'react'

import { orderApiUrl, postJson, saveOrder } from './api'

export type OrgChoice = { township: string; villages: { id: string; name: string }[] }
export type Choice = { value: string; label: string }

type Props = {
  appOrigin: string
  orgs: OrgChoice[]
  audiences: Choice[]
  kindLabels: Record<string, string>
}

type Fields =
  | 'lecturer'
  | 'name'
  | 'phone'
  | 'org'
  | 'subject'
  | 'preferredDates'
  | 'audienceType'
  | 'audienceSize'
  | 'note'
  | 'resource'

type Placed = { number: string; token: string; trackingPath: string }

const LABELS: Record<Fields, string> = {
  lecturer: '点名的宣讲员',
  name: '联系人',
  phone: '手机号码',
  org: '所在村（社区）',
  resource: '预约的资源',
  subject: '想听的内容',
  preferredDates: '希望日期',
  audienceType: '听众',
  audienceSize: '大约人数',
  note: '备注',
}

/**
 * The title (or name) of a published document, from the public API: what the form shows comes
 * from the database, never from the address. Null when it is not public (or unreachable).
 */
async function publicTitle(
  base: string,
  collection: string,
  slug: string,
  field: 'title' | 'displayName',
): Promise<string | null> {
  try {
    const response = await fetch(
      `${base}/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&limit=1&depth=0&select[${field}]=true`,
      { credentials: 'omit' },
    )
    if (!response.ok) return null
    const json = (await response.json()) as { docs?: Record<string, unknown>[] }
    const value = json.docs?.[0]?.[field]
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}

/** `YYYY-MM-DD` of today + days, in Beijing time (where the county is). */
function dayInChina(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date)
}

/**
 * 点单: the resident's order form. Checked again by the server, which answers each bad field with
 * its own Chinese message; they are shown beside the fields and summed up at the top.
 */
export function OrderForm({ appOrigin, orgs, audiences, kindLabels }: Props) {
  const id = useId()
  const [resource, setResource] = useState<{ key: string; title: string | null } | null>(null)
  const [lecturer, setLecturer] = useState<{ slug: string; name: string | null } | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Fields | 'form', string>>>({})
  const [busy, setBusy] = useState(false)
  const [placed, setPlaced] = useState<Placed | null>(null)
  const [dates, setDates] = useState({ min: '', max: '' })

  useEffect(() => {
    setDates({ min: dayInChina(1), max: dayInChina(180) })
    const base = appOrigin && appOrigin !== window.location.origin ? appOrigin : ''
    const params = new URLSearchParams(window.location.search)
    const asked = params.get('lecturer')
    if (asked && /^[a-z0-9-]{1,120}$/.test(asked)) {
      setLecturer({ slug: asked, name: null })
      publicTitle(base, 'lecturers', asked, 'displayName').then((name) =>
        setLecturer(name ? { slug: asked, name } : null),
      )
    }
    const key = params.get('resource')
    if (!key || !/^(scripts|videos|cases)\/[a-z0-9-]{1,120}$/.test(key)) return
    setResource({ key, title: null })
    const [kind, slug] = key.split('/')
    publicTitle(base, kind!, slug!, 'title').then((title) =>
      setResource(title ? { key, title } : null),
    )
  }, [appOrigin])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = {
      name: form.get('name'),
      phone: form.get('phone'),
      org: form.get('org'),
      resource: resource?.key ?? '',
      lecturer: lecturer?.slug ?? '',
      subject: form.get('subject') ?? '',
      preferredDates: form.getAll('preferredDates').filter(Boolean),
      audienceType: form.get('audienceType'),
      audienceSize: form.get('audienceSize'),
      note: form.get('note'),
      website: form.get('website'),
    }
    setBusy(true)
    const result = await postJson<Placed>(orderApiUrl(appOrigin, 'submit'), body)
    setBusy(false)
    if (result.ok) {
      saveOrder({
        number: result.data.number,
        token: result.data.token,
        title: resource?.title ?? String(body.subject ?? ''),
        at: new Date().toISOString(),
      })
      setErrors({})
      setPlaced(result.data)
      window.scrollTo({ top: 0 })
      return
    }
    const fields = result.error.data?.fields
    setErrors(fields && Object.keys(fields).length > 0 ? fields : { form: result.error.message })
    // Focus the summary so screen readers announce it.
    window.requestAnimationFrame(() => document.getElementById(`${id}-summary`)?.focus())
  }

  if (placed) {
    const link = `${window.location.origin}${placed.trackingPath}`
    return (
      <section className="order-done" aria-live="polite" data-testid="order-done">
        <h2>点单成功</h2>
        <p>
          订单号 <strong data-testid="order-number">{placed.number}</strong>
        </p>
        <p>
          工作人员会在几天内派单，派单后在下面的链接里能看到宣讲员、时间和地点。这个链接只给你一个人，请收藏或截图保存，不要转发给别人。
        </p>
        <p className="order-link">
          <a href={placed.trackingPath} data-testid="tracking-link">
            {link}
          </a>
        </p>
        <p className="order-hint">本机已记住这张订单，以后也可以在“我的点单”里找到。</p>
      </section>
    )
  }

  const messages = Object.entries(errors).filter(([, message]) => message)
  const fieldError = (name: Fields) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    ) : null
  const described = (name: Fields, hint?: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby':
      [errors[name] ? `${id}-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') ||
      undefined,
  })
  const resourceKind = resource?.key.split('/')[0] ?? ''

  return (
    <form className="order-form" onSubmit={submit} noValidate data-testid="order-form">
      {messages.length > 0 ? (
        <div className="form-summary" role="alert" tabIndex={-1} id={`${id}-summary`}>
          <p>提交没有成功，请修改下面 {messages.length} 处：</p>
          <ul>
            {messages.map(([field, message]) => (
              <li key={field}>
                {field in LABELS ? `${LABELS[field as Fields]}：` : ''}
                {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <fieldset>
        <legend>想听什么</legend>
        {resource ? (
          <p className="order-resource" data-testid="order-resource">
            预约：<span className="kind-label">{kindLabels[resourceKind] ?? ''}</span>
            {resource.title ?? '正在读取资源…'}
          </p>
        ) : null}
        {fieldError('resource')}
        {lecturer ? (
          <p className="order-resource" data-testid="order-lecturer">
            点名请：{lecturer.name ?? '正在读取…'}
          </p>
        ) : null}
        {fieldError('lecturer')}
        <label htmlFor={`${id}-subject`}>
          {resource ? '还想补充的内容（可不填）' : '想听的内容'}
        </label>
        <textarea
          id={`${id}-subject`}
          name="subject"
          rows={3}
          maxLength={200}
          placeholder={resource ? '' : '如：给老人讲讲怎样识别电话诈骗'}
          {...described('subject')}
        />
        {fieldError('subject')}
      </fieldset>

      <fieldset>
        <legend>什么时候、给谁讲</legend>
        <p className="field-hint" id={`${id}-dates-hint`}>
          选 1–3 个方便的日期，从明天起半年以内。
        </p>
        <div className="date-row">
          {[0, 1, 2].map((index) => (
            <label key={index} className="date-field">
              <span>{index === 0 ? '第一希望' : index === 1 ? '第二希望' : '第三希望'}</span>
              <input
                type="date"
                name="preferredDates"
                min={dates.min || undefined}
                max={dates.max || undefined}
                required={index === 0}
                {...described('preferredDates', `${id}-dates-hint`)}
              />
            </label>
          ))}
        </div>
        {fieldError('preferredDates')}
        <label htmlFor={`${id}-audienceType`}>听众</label>
        <select
          id={`${id}-audienceType`}
          name="audienceType"
          defaultValue=""
          {...described('audienceType')}
        >
          <option value="" disabled>
            请选择
          </option>
          {audiences.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {fieldError('audienceType')}
        <label htmlFor={`${id}-audienceSize`}>大约人数</label>
        <input
          id={`${id}-audienceSize`}
          name="audienceSize"
          type="number"
          inputMode="numeric"
          min={1}
          max={5000}
          {...described('audienceSize')}
        />
        {fieldError('audienceSize')}
      </fieldset>

      <fieldset>
        <legend>联系人</legend>
        <label htmlFor={`${id}-name`}>姓名</label>
        <input
          id={`${id}-name`}
          name="name"
          autoComplete="name"
          maxLength={20}
          {...described('name')}
        />
        {fieldError('name')}
        <label htmlFor={`${id}-phone`}>手机号码</label>
        <input
          id={`${id}-phone`}
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          {...described('phone', `${id}-phone-hint`)}
        />
        <p className="field-hint" id={`${id}-phone-hint`}>
          只给负责派单的工作人员看，订单结束后自动删除。
        </p>
        {fieldError('phone')}
        <label htmlFor={`${id}-org`}>所在村（社区）</label>
        <select id={`${id}-org`} name="org" defaultValue="" {...described('org')}>
          <option value="" disabled>
            请选择
          </option>
          {orgs.map((group) => (
            <optgroup key={group.township} label={group.township}>
              {group.villages.map((village) => (
                <option key={village.id} value={village.id}>
                  {village.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {fieldError('org')}
        <label htmlFor={`${id}-note`}>备注（可不填）</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          maxLength={500}
          placeholder="如：地点、有没有投影、需要方言讲"
          {...described('note')}
        />
        {fieldError('note')}
      </fieldset>

      {/* Left empty by people (hidden from sight and from screen readers); bots fill it in. */}
      <div className="order-trap" aria-hidden="true">
        <label>
          网站
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>

      <button type="submit" className="tool-button order-submit" disabled={busy}>
        {busy ? '正在提交…' : '提交点单'}
      </button>
    </form>
  )
}
