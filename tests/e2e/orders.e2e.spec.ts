import { expect, test, type Browser, type Page } from '@playwright/test'

import { openList, signIn } from '../helpers/admin'
import { hydratingLast } from '../helpers/hydration'
import { layoutProblems } from '../helpers/layout'
import { snap } from '../helpers/snap'

/**
 * 点单 · 派单 · 接单 · 评单 in real Chromium against the built app: a resident orders a talk from a
 * script page (phone and desktop), the institute editor dispatches it in the admin, the lecturer
 * accepts it in 我的派单 and marks it given, and the resident rates it through the private link.
 */

const SCRIPT = 'caili-qing-qingfen-zhong'

/**
 * Who plays each part, per project: the phone and desktop runs go side by side, and two logins
 * of one account at the same moment can drop each other's session.
 */
const CAST = {
  phone: {
    village: '河湾村新时代文明实践站',
    dispatcher: 'liuxi.orders@lanchuan.example',
    lecturer: 'liuxi.lecturer@lanchuan.example',
    profile: '柳溪银发宣讲团',
    profileSlug: 'yinfa-xuanjiangtuan',
    profileKind: '宣讲团',
  },
  desktop: {
    village: '杏花村新时代文明实践站',
    dispatcher: 'liuxi.editor@lanchuan.example',
    lecturer: 'xinghua.lecturer@lanchuan.example',
    profile: '杨秀芬',
    profileSlug: 'yang-xiufen',
    profileKind: '宣讲员',
  },
} as const

/** `YYYY-MM-DD`, `days` after today in Beijing time. */
function dayAhead(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  )
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
  // County staff work in Beijing time: the admin's date inputs read the browser's zone.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = await context.newPage()
  await signIn(page, email)
  return page
}

test('a resident orders a talk from a script page, it is dispatched, accepted, given and rated', async ({
  page,
  browser,
  isMobile,
}) => {
  test.setTimeout(180_000)
  const folder = isMobile ? 'phone' : 'desktop'
  // A number of its own per run (the form allows a few orders per phone a day).
  const phone = `139${String(Date.now()).slice(-7)}${isMobile ? 1 : 2}`
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`
  const cast = CAST[folder]

  // The county's 点单 figures before this order.
  const totalOrders = async () => {
    await page.goto('/orders/figures')
    const value = page.getByRole('list', { name: '点单合计' }).locator('.figure-value').first()
    return Number(await value.textContent())
  }
  const ordersBefore = await totalOrders()
  // And the lecturer's ratings (the demo county gave both casts three or more).
  const ratingCount = async () => {
    await page.goto(`/lecturers/${cast.profileSlug}`)
    const text = await page.getByTestId('rating-line').textContent()
    return Number(/（(\d+) 次点单评价）/.exec(text ?? '')?.[1])
  }
  const ratingsBefore = await ratingCount()
  expect(ratingsBefore).toBeGreaterThanOrEqual(3)

  // 点单: from the script page, with the script filled in. The page names who gives the talk.
  await page.goto(`/scripts/${SCRIPT}`)
  await expect(page.getByTestId('speakers')).toContainText('主讲：杨秀芬')
  await page.getByTestId('order-button').click()
  await expect(page).toHaveURL(new RegExp(`/orders\\?resource=scripts/${SCRIPT}$`))
  const form = page.getByTestId('order-form')
  await expect(page.getByTestId('order-resource')).toContainText('彩礼')

  // Sent empty: every missing field is named at the top and marked beside itself.
  await form.getByRole('button', { name: '提交点单' }).click()
  const summary = form.getByRole('alert')
  await expect(summary).toContainText('提交没有成功')
  await expect(summary).toContainText('手机号码：请填写手机号码')
  await expect(form.getByLabel('姓名')).toHaveAttribute('aria-invalid', 'true')
  expect(await layoutProblems(page)).toEqual([])
  await snap(page, 'order-form-errors', folder)

  await form.getByLabel('姓名').fill('刘桂香')
  await form.getByLabel('手机号码').fill(phone)
  await form.getByLabel('所在村（社区）').selectOption({ label: cast.village })
  await form.getByLabel('第一希望').fill(dayAhead(5))
  await form.getByLabel('听众').selectOption({ label: '老年人' })
  await form.getByLabel('大约人数').fill('35')
  await form.getByLabel('备注（可不填）').fill('村口大樟树下，有长凳。')
  await form.getByRole('button', { name: '提交点单' }).click()
  const done = page.getByTestId('order-done')
  await expect(done).toBeVisible()
  await expect(done).toContainText('点单成功')
  await expect(form).toBeHidden()
  const number = (await page.getByTestId('order-number').textContent())!.trim()
  expect(number).toMatch(/^DD\d{8}-[2-9A-HJ-NP-Z]{5}$/)
  const trackingPath = (await page.getByTestId('tracking-link').getAttribute('href'))!
  expect(trackingPath).toMatch(/^\/orders\/track#[A-Za-z0-9_-]{32}$/)
  await snap(page, 'order-done', folder)

  // The tracking page shows it waiting for dispatch, without the phone number.
  await page.goto(trackingPath)
  await expect(page.getByTestId('order-status')).toHaveText('待派单')
  await expect(page.locator('body')).not.toContainText(phone)

  // 派单: the township's editor opens it from 待派单 in the admin and dispatches it.
  const editor = await staffPage(browser, cast.dispatcher)
  // The dashboard draws the figures of the editor's scope.
  const dashboardFigures = editor.getByTestId('dashboard-orders')
  await expect(dashboardFigures.locator('svg[role="img"]')).toHaveCount(4)
  await expect(dashboardFigures).toContainText('柳溪镇')
  await openQueueLine(editor, 'pending')
  await editor.getByRole('link', { name: number }).click()
  // Staff in scope see the phone; the list shows it masked.
  await expect(editor.locator('#field-phone')).toHaveValue(phone)
  await pickOption(editor, 'assignee', cast.profile)
  await editor.locator('#field-scheduledAt input').fill(`${dayAhead(5)} 14:30`)
  await editor.locator('#field-scheduledAt input').press('Enter')
  await editor.locator('#field-place').fill('村口大樟树下')
  await pickOption(editor, 'status', '已派单')
  await save(editor)
  await expect(editor.getByTestId('order-timeline')).toContainText('派单')
  await editor.screenshot({
    path: `tests/artifacts/${folder}/admin-order-dispatched.png`,
    fullPage: true,
  })
  await editor.goto('/admin/collections/orders?limit=100')
  await expect(editor.getByRole('row', { name: new RegExp(number) })).toContainText(masked)
  await editor.context().close()

  // 接单: the lecturer finds it under 我的派单, accepts it, and after the talk marks it given.
  const lecturer = await staffPage(browser, cast.lecturer)
  await openQueueLine(lecturer, 'dispatched')
  await lecturer.getByRole('link', { name: number }).click()
  await expect(lecturer).toHaveURL(/\/admin\/collections\/orders\/[^/?]+$/)
  await expect(lecturer.locator('#field-status')).toBeVisible()
  // The lecturer never sees the resident's phone, only its mask in the list.
  await expect(lecturer.locator('#field-phone')).toHaveCount(0)
  await pickOption(lecturer, 'status', '已接单')
  await save(lecturer)
  await pickOption(lecturer, 'status', '已完成')
  await save(lecturer)
  await expect(lecturer.getByTestId('order-timeline')).toContainText('完成宣讲')
  await lecturer.context().close()

  // 评单: the resident's link now shows who came, when and where, and takes a rating once.
  await page.goto('/')
  await page.goto(trackingPath)
  await expect(page.getByTestId('order-status')).toHaveText('已完成')
  await expect(page.getByTestId('order-lecturer')).toHaveText(cast.profile)
  await expect(page.getByTestId('order-track')).toContainText(cast.profileKind)
  await expect(page.getByTestId('order-track')).toContainText('村口大樟树下')
  const [year, month, day] = dayAhead(5).split('-').map(Number)
  await expect(page.getByTestId('order-track')).toContainText(`${year}年${month}月${day}日 14:30`)
  const rate = page.getByTestId('rate-form')
  await rate.getByRole('button', { name: '提交评价' }).click()
  await expect(rate).toContainText('请选择 1–5 分')
  await rate.getByLabel('5 分').check()
  await rate.getByLabel('说几句（可不填，审核后公开）').fill('讲得实在，散场了大家还围着问。')
  await rate.getByRole('button', { name: '提交评价' }).click()
  await expect(page.getByTestId('order-status')).toHaveText('已评价')
  await expect(page.getByTestId('order-rating')).toHaveText('5 分')
  await expect(page.getByTestId('rate-form')).toHaveCount(0)
  expect(await layoutProblems(page)).toEqual([])
  await snap(page, 'order-tracking-rated', folder)

  // The rating shows on the lecturer's profile at once.
  expect(await ratingCount()).toBeGreaterThan(ratingsBefore)

  // The figures changed, and draw four charts with a text alternative each.
  expect(await totalOrders()).toBeGreaterThan(ordersBefore)
  const charts = page.locator('svg[role="img"]')
  await expect(charts).toHaveCount(4)
  await expect(charts.first().locator('desc')).toContainText('柳溪镇：')
  expect(await layoutProblems(page)).toEqual([])
  await snap(page, 'order-figures', folder)
})

/**
 * Follows a line of the navigation's 点单 box (read from the DOM: at this width the navigation
 * may be folded away) after checking it counts at least one order.
 */
async function openQueueLine(page: Page, key: string): Promise<void> {
  const line = page.getByTestId(`order-queue-${key}`)
  await expect(line).toHaveCount(1)
  expect(Number(await line.locator('span').textContent())).toBeGreaterThanOrEqual(1)
  await openList(page, (await line.getAttribute('href'))!)
}

/** Picks an option of a Payload select or relationship field by its visible text. */
async function pickOption(page: Page, field: string, option: string): Promise<void> {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

/** Saves the admin document and waits for Payload's confirmation. */
async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('[data-sonner-toast]').first()).toContainText(/成功|已更新|已保存/)
  await page
    .locator('[data-sonner-toast]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {})
}

test('lecturer profiles: the list, a profile with its talks, and 点单 by name', async ({
  page,
  isMobile,
}) => {
  const folder = isMobile ? 'phone' : 'desktop'
  await page.goto('/lecturers')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('宣讲员与宣讲团')
  await expect(page.locator('.cards > li')).toHaveCount(5)
  expect(await layoutProblems(page)).toEqual([])
  await snap(page, 'lecturers', folder)

  await page.getByRole('link', { name: '石门百姓名嘴' }).click()
  await expect(page).toHaveURL(/\/lecturers\/shimen-baixing-mingzui$/)
  const talks = page.getByRole('region', { name: '讲过的课' })
  // Two talks name them as 主讲; the one still a draft is not shown.
  await expect(talks.getByRole('link')).toHaveCount(1)
  await expect(talks).toContainText('医保')
  await expect(page.locator('body')).not.toContainText('养老的事，一样一样问清楚')
  // No contact details and no account on a public profile.
  await expect(page.locator('body')).not.toContainText('@lanchuan.example')
  expect(await layoutProblems(page)).toEqual([])
  await snap(page, 'lecturer-profile', folder)

  await page.getByTestId('order-button').click()
  await expect(page).toHaveURL(/\/orders\?lecturer=shimen-baixing-mingzui$/)
  await expect(page.getByTestId('order-lecturer')).toHaveText('点名请：石门百姓名嘴')
})

test('the order form keeps what its script filled in when the page hydrates after the script ran', async ({
  page,
}) => {
  // On a slow phone public/orders.js (and its look-up of the resource's title) can finish before
  // React hydrates the page: what the script wrote must survive hydration, and hydration must
  // find nothing to throw away (a mismatch makes React draw the form again, empty and disabled).
  const { visit, errors } = await hydratingLast(page)
  await visit(`/orders?resource=scripts/${SCRIPT}&lecturer=yang-xiufen`)
  expect(errors).toEqual([])
  await expect(page.getByTestId('order-resource')).toContainText('彩礼')
  await expect(page.getByTestId('order-lecturer')).toContainText('杨秀芬')
  await expect(page.getByText('还想补充的内容（可不填）')).toBeVisible()
  await expect(
    page.getByTestId('order-form').getByRole('button', { name: '提交点单' }),
  ).toBeEnabled()
})

test('a title look-up that fails is tried again; one the API cannot answer keeps the resource for the server to check', async ({
  browser,
  baseURL,
  isMobile,
}) => {
  const folder = isMobile ? 'phone' : 'desktop'
  // An address of its own (the form takes a few orders per address an hour) and a new number.
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    extraHTTPHeaders: { 'X-Forwarded-For': `203.0.113.${isMobile ? 21 : 22}` },
    // Requests a service worker sends pass Playwright's routing by.
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  const lookUp = (url: URL) => url.pathname === '/api/scripts'
  const resourceLine = page.getByTestId('order-resource')

  // No signal for the first try: the second, a second later, names the script.
  let failures = 1
  await page.route(lookUp, (route) => (failures-- > 0 ? route.abort('failed') : route.continue()))
  await page.goto(`/orders?resource=scripts/${SCRIPT}`)
  await expect(resourceLine).toContainText('彩礼')
  expect(failures).toBe(-1)

  // The API never answers: the line says so, and the order still carries the script.
  await page.unroute(lookUp)
  await page.route(lookUp, (route) => route.fulfill({ status: 503, body: '{}' }))
  await page.goto(`/orders?resource=scripts/${SCRIPT}`)
  await expect(resourceLine).toContainText('暂时读不到名称')
  const form = page.getByTestId('order-form')
  await form.getByLabel('姓名').fill('周志强')
  await form.getByLabel('手机号码').fill(`137${String(Date.now()).slice(-7)}${isMobile ? 3 : 4}`)
  await form.getByLabel('所在村（社区）').selectOption({ label: CAST[folder].village })
  await form.getByLabel('第一希望').fill(dayAhead(9))
  await form.getByLabel('听众').selectOption({ label: '农民群众' })
  await form.getByLabel('大约人数').fill('60')
  await form.getByRole('button', { name: '提交点单' }).click()
  await expect(page.getByTestId('order-done')).toBeVisible()
  await page.goto((await page.getByTestId('tracking-link').getAttribute('href'))!)
  await expect(page.getByTestId('order-track')).toContainText('彩礼轻一点，情分重一点')
  await context.close()
})

test('a media center’s widget carries the 点单 button, opening the portal’s form in a new tab', async ({
  page,
}) => {
  await page.goto(`/embed/scripts/${SCRIPT}`)
  const order = page.getByTestId('embed-order')
  await expect(order).toHaveText('预约这堂课')
  await expect(order).toHaveAttribute('href', `/orders?resource=scripts/${SCRIPT}`)
  await expect(order).toHaveAttribute('target', '_blank')
  expect(await layoutProblems(page)).toEqual([])
})
