import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD } from '../../src/seed/content/county'
import { DEMO_CONTENT } from '../helpers/demo'

const draft = DEMO_CONTENT.cases.find((item) => item.slug === 'c-yuanba-dushuhui')!

test.describe('previewing a draft', () => {
  test.skip(({ isMobile }) => isMobile, 'one run is enough')

  test('an editor previews the real portal page of a draft; nobody else can', async ({
    page,
    playwright,
    baseURL,
  }) => {
    await page.goto('/admin/login')
    await page.getByLabel('电子邮件').fill('xinghua.editor@lanchuan.example')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page).not.toHaveURL(/\/admin\/login/)

    const found = await page.request.get(`/api/cases?where[slug][equals]=${draft.slug}&draft=true`)
    const id = (await found.json()).docs[0].id

    const response = await page.goto(`/preview?kind=cases&id=${id}`)
    await expect(page).toHaveURL(new RegExp(`/cases/${draft.slug}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(draft.title)
    await expect(page.getByRole('status')).toContainText('预览模式')
    expect(response?.headers()['cache-control'] ?? '').toMatch(/no-store|private/)
    await page.screenshot({ path: 'tests/artifacts/desktop/preview-draft.png' })

    // A stranger gets neither the preview switch nor the page.
    const anonymous = await playwright.request.newContext({ baseURL })
    expect(
      (await anonymous.get(`/preview?kind=cases&id=${id}`, { maxRedirects: 0 })).status(),
    ).toBe(401)
    const publicPage = await anonymous.get(`/cases/${draft.slug}`)
    expect(publicPage.status()).toBe(404)
    expect(await publicPage.text()).not.toContain(draft.title)
    await anonymous.dispose()

    await page.getByRole('link', { name: '退出预览' }).click()
    expect((await page.goto(`/cases/${draft.slug}`))?.status()).toBe(404)
  })
})
