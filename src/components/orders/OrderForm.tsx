import { KIND_LABELS } from '@/lib/kinds'

export type OrgChoice = { township: string; villages: { id: string; name: string }[] }
export type Choice = { value: string; label: string }

type Props = { apiOrigin: string; orgs: OrgChoice[]; audiences: Choice[] }

/**
 * What public/orders.js writes: an element whose content belongs to the script (set through
 * innerHTML, so React's hydration never compares or replaces what the script wrote).
 */
const scriptOwned = (html = '') => ({ dangerouslySetInnerHTML: { __html: html } })

/** A field's error line, filled in by public/orders.js from the server's answer. */
function FieldError({ name }: { name: string }) {
  return (
    <p
      className="field-error"
      id={`order-${name}-error`}
      data-error-for={name}
      hidden
      {...scriptOwned()}
    />
  )
}

/**
 * 点单: the resident's order form, plain HTML on the live portal and in the static copy alike.
 * public/orders.js sends it to the app (`data-order-api`, CORS for the portal's own origins),
 * shows each field's Chinese error from the server, and the order number and private link on
 * success. Without scripts it does not submit (the phone number never goes into an address).
 */
export function OrderForm({ apiOrigin, orgs, audiences }: Props) {
  const kindLabels = Object.fromEntries(
    Object.entries(KIND_LABELS).map(([kind, label]) => [kind, label.name]),
  )
  return (
    <div
      data-order-form=""
      data-order-api={apiOrigin}
      data-kind-labels={JSON.stringify(kindLabels)}
    >
      <section
        className="order-done"
        data-order-done=""
        data-testid="order-done"
        aria-live="polite"
        hidden
      >
        <h2>点单成功</h2>
        <p>
          订单号 <strong data-testid="order-number" data-order-number="" {...scriptOwned()} />
        </p>
        <p>
          工作人员会在几天内派单，派单后在下面的链接里能看到宣讲员、时间和地点。这个链接只给你一个人，请收藏或截图保存，不要转发给别人。
        </p>
        <p className="order-link">
          <a data-testid="tracking-link" data-order-link="" href="#" {...scriptOwned()} />
        </p>
        <p className="order-hint">本机已记住这张订单，以后也可以在“我的点单”里找到。</p>
      </section>
      <form className="order-form" noValidate data-testid="order-form" method="post" action="#">
        <div
          className="form-summary"
          role="alert"
          tabIndex={-1}
          data-order-summary=""
          hidden
          {...scriptOwned()}
        />
        <fieldset>
          <legend>想听什么</legend>
          <p
            className="order-resource"
            data-testid="order-resource"
            data-order-resource=""
            hidden
            {...scriptOwned()}
          />
          <FieldError name="resource" />
          <p
            className="order-resource"
            data-testid="order-lecturer"
            data-order-lecturer=""
            hidden
            {...scriptOwned()}
          />
          <FieldError name="lecturer" />
          <label htmlFor="order-subject" data-subject-label="" {...scriptOwned('想听的内容')} />
          <textarea
            id="order-subject"
            name="subject"
            rows={3}
            maxLength={200}
            placeholder="如：给老人讲讲怎样识别电话诈骗"
            aria-describedby="order-subject-error"
          />
          <FieldError name="subject" />
        </fieldset>

        <fieldset>
          <legend>什么时候、给谁讲</legend>
          <p className="field-hint" id="order-dates-hint">
            选 1–3 个方便的日期，从明天起半年以内。
          </p>
          <div className="date-row">
            {['第一希望', '第二希望', '第三希望'].map((label, index) => (
              <label key={label} className="date-field">
                <span>{label}</span>
                <input
                  type="date"
                  name="preferredDates"
                  required={index === 0}
                  aria-describedby="order-preferredDates-error order-dates-hint"
                />
              </label>
            ))}
          </div>
          <FieldError name="preferredDates" />
          <label htmlFor="order-audienceType">听众</label>
          <select
            id="order-audienceType"
            name="audienceType"
            defaultValue=""
            aria-describedby="order-audienceType-error"
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
          <FieldError name="audienceType" />
          <label htmlFor="order-audienceSize">大约人数</label>
          <input
            id="order-audienceSize"
            name="audienceSize"
            type="number"
            inputMode="numeric"
            min={1}
            max={5000}
            aria-describedby="order-audienceSize-error"
          />
          <FieldError name="audienceSize" />
        </fieldset>

        <fieldset>
          <legend>联系人</legend>
          <label htmlFor="order-name">姓名</label>
          <input
            id="order-name"
            name="name"
            autoComplete="name"
            maxLength={20}
            aria-describedby="order-name-error"
          />
          <FieldError name="name" />
          <label htmlFor="order-phone">手机号码</label>
          <input
            id="order-phone"
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            aria-describedby="order-phone-error order-phone-hint"
          />
          <p className="field-hint" id="order-phone-hint">
            只给负责派单的工作人员看，订单结束后自动删除。
          </p>
          <FieldError name="phone" />
          <label htmlFor="order-org">所在村（社区）</label>
          <select id="order-org" name="org" defaultValue="" aria-describedby="order-org-error">
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
          <FieldError name="org" />
          <label htmlFor="order-note">备注（可不填）</label>
          <textarea
            id="order-note"
            name="note"
            rows={3}
            maxLength={500}
            placeholder="如：地点、有没有投影、需要方言讲"
            aria-describedby="order-note-error"
          />
          <FieldError name="note" />
        </fieldset>

        {/* Left empty by people (out of sight, the tab order and the accessibility tree); bots fill it. */}
        <div className="order-trap" aria-hidden="true">
          <label>
            网站
            <input name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>

        <button
          type="submit"
          className="tool-button order-submit"
          data-order-submit=""
          disabled
          {...scriptOwned('提交点单')}
        />
      </form>
    </div>
  )
}
