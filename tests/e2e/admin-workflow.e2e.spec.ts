import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test'

import { formatDateTime } from '../../src/lib/dates'
import { apiToken, getAs, openList, recordMessages, signIn } from '../helpers/admin'

/**
 * The editor's day in the admin, on real Chromium: a village editor on a phone writes a script
 * and submits it, a township reviewer on a desktop returns it with a comment, the editor finds
 * the comment on the dashboard, fixes and resubmits, the reviewer publishes, the portal shows
 * it. Both browsers run in UTC: every date the admin shows in our lists must still be Beijing
 * time. Every toast and field error met on the way is scanned for identifiers.
 */

const EDITOR = 'xinghua.editor@lanchuan.example'
const LECTURER = 'xinghua.lecturer@lanchuan.example'
const REVIEWER = 'liuxi.reviewer@lanchuan.example'
const ADMIN = 'admin@lanchuan.example'

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'UTC',
}
const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 860 },
  locale: 'zh-CN',
  timezoneId: 'UTC',
}

/** Latin identifiers that must never reach people: field names, status keys, error classes. */
const IDENTIFIER = /reviewState|reviewComment|_status|ValidationError|APIError|\b[a-z]+[A-Z]\w*/

const TITLE = `端午节前说说龙舟会的规矩 ${Date.now().toString(36)}`
const COMMENT = '第三段说集资的数目要和村委会公示的一致，请核对后再提交。'

type Session = { page: Page; messages: string[]; close: () => Promise<void> }

async function session(
  browser: Browser,
  email: string,
  options: BrowserContextOptions,
): Promise<Session> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const messages = await recordMessages(page)
  await signIn(page, email)
  return { page, messages, close: () => context.close() }
}

const timeline = (page: Page) => page.getByTestId('review-timeline')
const stateBadge = (page: Page) => timeline(page).locator('[data-state]')

async function expectFits(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }))
  expect(widths.scroll, 'page wider than the screen').toBeLessThanOrEqual(widths.viewport)
}

/** The document bar's buttons by their Chinese names, visible ones only. */
async function actionNames(page: Page): Promise<string[]> {
  const names = await page
    .locator('.doc-controls__controls button:visible')
    .evaluateAll((buttons) =>
      buttons.map((button) => (button.textContent ?? '').trim()).filter(Boolean),
    )
  return [...new Set(names)]
}

function expectNoIdentifiers(messages: string[]) {
  for (const message of messages) expect(message, message).not.toMatch(IDENTIFIER)
}

test.describe.configure({ mode: 'serial' })

let documentPath = ''

test('an editor on a phone writes a script and submits it for review', async ({ browser }) => {
  const editor = await session(browser, EDITOR, PHONE)
  const { page } = editor
  await page.goto('/admin/collections/scripts/create')
  await expect(page.locator('#field-title')).toBeVisible()
  // A new script starts in the editor's own village, and only review actions are offered.
  await expect(page.locator('#field-org')).toContainText('杏花村')
  expect(await actionNames(page)).toEqual(['保存草稿', '提交审核'])

  // Submitting an empty form: the admin names what is missing, in Chinese.
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(
    page.locator('[data-sonner-toast]').filter({ hasText: '标题：提交审核前请填写这一项' }),
  ).toBeVisible()
  await expect(page.locator('.field-type.error')).toHaveCount(5)
  await expect(page).toHaveURL(/\/create/)

  await page.locator('#field-title').fill(TITLE)
  await page
    .locator('#field-summary')
    .fill('端午前后村里要划龙舟，这篇稿子讲清楚集资、安全和输赢不伤和气三件事。')
  await page.locator('#field-format .rs__control').click()
  await page.locator('.rs__option', { hasText: '板凳课堂' }).click()
  await page.locator('#field-durationMinutes').fill('12')
  const body = page.locator('.rich-text-lexical [data-lexical-editor="true"]').first()
  // The body is read-only while the form still processes the refused submit (long on a loaded
  // machine), and must open again afterwards (Payload's editor stayed read-only: see
  // src/fields/richText.ts). Keys typed before it opens are lost, as they would be for a person.
  await expect(body).toBeEditable({ timeout: 15_000 })
  await body.click()
  await page.keyboard.type(
    '乡亲们，端午快到了。今年龙舟会还是老规矩：钱要公开，人要安全，输赢都是一家人。',
  )
  await expect(body).toContainText('今年龙舟会还是老规矩')

  // A slug the server refuses: the refusal names the field by its label.
  await page.locator('#field-slug').fill('不合法 Slug!')
  await page.getByRole('button', { name: '保存草稿' }).click()
  await expect(page.locator('[data-sonner-toast]').filter({ hasText: '链接标识' })).toBeVisible()
  await page.locator('#field-slug').fill('')

  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/scripts\/\d+/, { timeout: 15_000 })
  // On the phone the state shows next to the actions, without scrolling to the sidebar.
  await expect(page.getByTestId('review-state-badge')).toHaveText('待审')
  await expect(page.getByTestId('review-state-badge')).toBeInViewport()
  await expect(stateBadge(page)).toHaveText('待审')
  await expect(timeline(page)).toContainText('提交审核')
  await expect(timeline(page)).toContainText('周编辑')
  documentPath = new URL(page.url()).pathname
  expect(await actionNames(page)).not.toContain('发布')
  expect(await actionNames(page)).not.toContain('退回')
  await expectFits(page)
  await page.screenshot({ path: 'tests/artifacts/phone/admin-editor-submitted.png' })

  expectNoIdentifiers(editor.messages)
  expect(editor.messages.some((message) => message.includes('链接标识'))).toBe(true)
  await editor.close()
})

test('a reviewer on a desktop finds it waiting and returns it with a comment', async ({
  browser,
}) => {
  const reviewer = await session(browser, REVIEWER, DESKTOP)
  const { page } = reviewer
  await page.goto('/admin')
  const waiting = page.getByTestId('dashboard-waiting')
  const item = waiting.locator('li', { hasText: TITLE })
  await expect(item).toContainText('已等待')
  await expect(item).toContainText('周编辑（杏花村） 提交')
  await page.screenshot({ path: 'tests/artifacts/desktop/admin-reviewer-waiting.png' })

  await item.getByRole('link').click()
  await expect(stateBadge(page)).toHaveText('待审')
  const actions = await actionNames(page)
  expect(actions).toEqual(expect.arrayContaining(['保存草稿', '退回', '发布']))
  expect(actions).not.toContain('提交审核')

  await page.getByRole('button', { name: '退回', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '退回修改' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: '确认退回' }).click()
  await expect(dialog.getByRole('alert')).toContainText('请写明需要修改的地方')
  await dialog.getByLabel('审核意见').fill(COMMENT)
  await dialog.getByRole('button', { name: '确认退回' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('[data-sonner-toast]', { hasText: '已退回' })).toBeVisible()
  await expect(stateBadge(page)).toHaveText('退回')
  await expect(page.getByTestId('review-comment')).toContainText(COMMENT)
  await expect(timeline(page)).toContainText('退回修改')
  await page.screenshot({ path: 'tests/artifacts/desktop/admin-reviewer-returned.png' })
  expectNoIdentifiers(reviewer.messages)
  await reviewer.close()
})

test('the editor sees the comment on the dashboard, fixes the script and resubmits', async ({
  browser,
}) => {
  const editor = await session(browser, EDITOR, PHONE)
  const { page } = editor
  await page.goto('/admin')
  const returned = page.getByTestId('dashboard-returned').locator('li', { hasText: TITLE })
  await expect(returned).toContainText(COMMENT)
  await expect(returned).toContainText('许审核（柳溪镇） 退回')
  await expectFits(page)
  await page.screenshot({
    path: 'tests/artifacts/phone/admin-editor-dashboard.png',
    fullPage: true,
  })

  await returned.getByRole('link').click()
  await expect(page.getByTestId('review-comment')).toContainText(COMMENT)
  await page
    .locator('#field-summary')
    .fill('端午龙舟会：集资数目以村委会公示为准，讲清安全和输赢不伤和气。')
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(stateBadge(page)).toHaveText('待审')
  await expect(page.getByTestId('review-comment')).toHaveCount(0)
  await expectFits(page)
  expectNoIdentifiers(editor.messages)
  await editor.close()
})

test('the reviewer publishes and the portal shows the script', async ({ browser }) => {
  // The editor has the document open on the phone again and starts typing. Payload takes its lock
  // with the form-state request of the first change, not on opening (a closed browser may or may
  // not have released the earlier lock, depending on whether its unload request got out in time,
  // so the test does not rely on that either).
  const editor = await session(browser, EDITOR, PHONE)
  await editor.page.goto(documentPath)
  const summary = editor.page.locator('#field-summary')
  await expect(summary).toBeVisible()
  await summary.press('End')
  await summary.pressSequentially('再补一句')
  // Wait until the lock is stored, or the reviewer may open the document before it.
  const documentId = documentPath.split('/').pop()
  await expect
    .poll(
      async () => {
        const response = await editor.page.request.get(
          `/api/payload-locked-documents?where[document.value][equals]=${documentId}&depth=0`,
        )
        return response.ok() ? ((await response.json()) as { totalDocs: number }).totalDocs : -1
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0)
  const reviewer = await session(browser, REVIEWER, DESKTOP)
  const { page } = reviewer
  await page.goto(documentPath)
  // The lock notice says since when, in Chinese and Beijing time, and the reviewer takes over.
  const locked = page.locator('.document-locked')
  await expect(locked).toContainText('文档已锁定', { timeout: 15_000 })
  await expect(locked.locator('p strong').nth(1)).toHaveText(
    /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
  )
  await page.screenshot({ path: 'tests/artifacts/desktop/admin-reviewer-locked.png' })
  await locked.getByRole('button', { name: '接管' }).click()
  await expect(locked).toBeHidden()
  await editor.close()
  // Taking over reloads the document's state; act on it once that has arrived.
  await page.waitForLoadState('networkidle')
  await expect(stateBadge(page)).toHaveText('待审')
  const slug = await page.locator('#field-slug').inputValue()
  expect(slug).toMatch(/^[a-z0-9-]+$/)
  await page.getByRole('button', { name: '发布', exact: true }).click()
  // A first publish on a cold server also renders and revalidates pages: allow it time.
  await expect(stateBadge(page)).toHaveText('已发布', { timeout: 15_000 })
  await expect(timeline(page).locator('li').first()).toContainText('审核发布')
  // Payload's header shows the same Beijing time as the review log, though the browser is in UTC.
  const loggedAt = await timeline(page).locator('li').first().locator('time').textContent()
  await expect(page.locator('.doc-controls__value').first()).toHaveText(loggedAt ?? '')
  await expect(timeline(page).locator('li')).toHaveCount(4)
  // The comment belongs to the return, not to the steps before or after it.
  await expect(timeline(page).locator('li', { hasText: COMMENT })).toHaveCount(1)
  await expect(timeline(page).locator('li', { hasText: COMMENT })).toContainText('退回修改')
  await page.screenshot({ path: 'tests/artifacts/desktop/admin-reviewer-published.png' })
  expectNoIdentifiers(reviewer.messages)

  const portal = await page.context().newPage()
  await portal.goto(`/scripts/${slug}`)
  await expect(portal.getByRole('heading', { level: 1 })).toHaveText(TITLE, { timeout: 15_000 })
  await expect(portal.getByText('集资数目以村委会公示为准').first()).toBeVisible()
  await reviewer.close()
})

test('nobody is shown a button the server would refuse', async ({ browser, request }) => {
  const adminToken = await apiToken(request, ADMIN)
  const published = await getAs<{ docs: { id: number; title: string }[] }>(
    request,
    `/api/scripts?where[title][equals]=${encodeURIComponent(TITLE)}&depth=0`,
    adminToken,
  )
  const id = published.docs[0].id

  // The editor on the published script: a draft and a new round of review, nothing more.
  const editor = await session(browser, EDITOR, DESKTOP)
  await editor.page.goto(`/admin/collections/scripts/${id}`)
  await expect(stateBadge(editor.page)).toHaveText('已发布')
  expect(await actionNames(editor.page)).toEqual(['保存草稿', '提交审核'])
  await editor.page.locator('.doc-controls__popup button').first().click()
  const menu = editor.page.locator('.popup__content:visible')
  await expect(menu).toBeVisible()
  await expect(menu).not.toContainText('删除')
  await expect(menu).not.toContainText('取消发布')
  await expect(editor.page.getByText('取消发布')).toHaveCount(0)

  // The list's bulk actions: no 发布 / 取消发布 for the editor once rows are selected.
  await openList(editor.page, '/admin/collections/scripts')
  await expect(editor.page.locator('#select-all')).toBeEnabled()
  await editor.page.locator('#select-all').check()
  await expect(editor.page.locator('.list-selection')).toBeVisible()
  await expect(
    editor.page.locator('.list-selection__button:visible', { hasText: /^发布$/ }),
  ).toHaveCount(0)
  await expect(
    editor.page.locator('.list-selection__button:visible', { hasText: '取消发布' }),
  ).toHaveCount(0)
  await editor.close()

  // The same list for the reviewer offers them.
  const reviewer = await session(browser, REVIEWER, DESKTOP)
  await openList(reviewer.page, '/admin/collections/scripts')
  await expect(reviewer.page.locator('#select-all')).toBeEnabled()
  await reviewer.page.locator('#select-all').check()
  await expect(
    reviewer.page.locator('.list-selection__button:visible', { hasText: /^发布$/ }),
  ).toHaveCount(1)
  await reviewer.close()

  // The village lecturer may read the editor's script but not change it: no actions at all.
  const lecturer = await session(browser, LECTURER, DESKTOP)
  await lecturer.page.goto(`/admin/collections/scripts/${id}`)
  await expect(lecturer.page.locator('#field-title')).toBeDisabled()
  expect(await actionNames(lecturer.page)).toEqual([])
  await lecturer.close()
})

test('lists show Beijing time in Chinese, and related resources by their titles', async ({
  browser,
  request,
}) => {
  const token = await apiToken(request, EDITOR)
  const editor = await session(browser, EDITOR, DESKTOP)
  const { page } = editor
  await page.goto('/admin/collections/scripts?limit=50')
  const rows = page.locator('table tbody tr')
  await expect(rows.first()).toBeVisible()
  const list = await getAs<{
    docs: { id: number; publishedAt?: string; updatedAt: string; related?: unknown[] }[]
  }>(request, '/api/scripts?depth=0&limit=50&draft=true&where[org.slug][equals]=xinghua', token)
  let checked = 0
  for (const doc of list.docs) {
    if (!doc.publishedAt) continue
    const row = page.locator(`tr[data-id="${doc.id}"]`)
    // The browser runs in UTC; the admin shows the site's zone (Beijing time).
    await expect(row.locator('td.cell-publishedAt')).toHaveText(
      formatDateTime(doc.publishedAt, 'Asia/Shanghai'),
    )
    // Payload's own timestamp column, in the same form and zone.
    await expect(row.locator('td.cell-updatedAt')).toHaveText(
      formatDateTime(doc.updatedAt, 'Asia/Shanghai'),
    )
    checked++
  }
  expect(checked).toBeGreaterThan(0)
  // A village script whose related resources belong to other orgs: titles, never "无标题".
  const withRelated = list.docs.find((doc) => (doc.related ?? []).length > 0)
  expect(withRelated, 'a demo script of 杏花村 with related resources').toBeTruthy()
  await page.goto(`/admin/collections/scripts/${withRelated!.id}`)
  const related = page.locator('#field-related')
  const chips = related.locator('.relationship--multi-value-label__text')
  await expect(chips).toHaveCount(withRelated!.related!.length)
  const labels = await chips.allInnerTexts()
  for (const label of labels) expect(label).not.toMatch(/无标题|ID:/)
  await expect(page.getByText(/无标题/)).toHaveCount(0)
  await page.screenshot({ path: 'tests/artifacts/desktop/admin-editor-related.png' })

  // The phone list keeps title and state without cutting a column.
  const phone = await session(browser, EDITOR, PHONE)
  await phone.page.goto('/admin/collections/scripts')
  await expect(phone.page.locator('td.cell-title').first()).toBeVisible()
  await expect(phone.page.locator('td.cell-reviewState').first()).toBeVisible()
  await expect(phone.page.locator('td.cell-format').first()).toBeHidden()
  // The table's box against its content, once the list has laid out: no column is cut.
  await expect
    .poll(() =>
      phone.page.evaluate(() => {
        const table = document.querySelector('td.cell-title')?.closest('.table') as HTMLElement
        return table.scrollWidth - table.clientWidth
      }),
    )
    .toBeLessThanOrEqual(0)
  await expectFits(phone.page)
  await phone.page.screenshot({ path: 'tests/artifacts/phone/admin-editor-list.png' })
  await phone.close()
  await editor.close()

  // The reviewer's screens at phone size: the dashboard, and a document with its actions.
  const reviewer = await session(browser, REVIEWER, PHONE)
  await reviewer.page.goto('/admin')
  await expect(reviewer.page.getByTestId('dashboard-waiting')).toBeVisible()
  await expectFits(reviewer.page)
  await reviewer.page.screenshot({
    path: 'tests/artifacts/phone/admin-reviewer-dashboard.png',
    fullPage: true,
  })
  await reviewer.page.goto(documentPath)
  await expect(reviewer.page.getByRole('button', { name: '发布', exact: true })).toBeInViewport()
  await expect(reviewer.page.getByTestId('review-state-badge')).toBeInViewport()
  await expectFits(reviewer.page)
  await reviewer.page.screenshot({ path: 'tests/artifacts/phone/admin-reviewer-document.png' })
  await reviewer.close()
})
