import { expect, test } from '@playwright/test'

import { signIn as login } from '../helpers/admin'
import { DEMO_CONTENT } from '../helpers/demo'

const LIUXI_SUBTREE = ['liuxi', 'xinghua', 'hewan']

test.describe('each account sees exactly its world', () => {
  test.skip(({ isMobile }) => isMobile, 'admin checks run at desktop width')

  test('a township reviewer sees the review queue and only the township’s scripts', async ({
    page,
  }) => {
    await login(page, 'liuxi.reviewer@lanchuan.example')
    const queue = page.getByRole('navigation', { name: '待我审核' })
    await expect(queue).toBeVisible()
    const waiting = [
      ...DEMO_CONTENT.scripts,
      ...DEMO_CONTENT.videos,
      ...DEMO_CONTENT.textbooks,
      ...DEMO_CONTENT.cases,
    ].filter(
      (item) => item.review?.state === 'submitted' && LIUXI_SUBTREE.includes(item.org),
    ).length
    await expect(queue.getByTestId('review-queue-total')).toHaveText(String(waiting))
    await page.screenshot({ path: 'tests/artifacts/desktop/admin-reviewer-dashboard.png' })

    await page.goto('/admin/collections/scripts?limit=100')
    const expected = DEMO_CONTENT.scripts
      .filter((item) => LIUXI_SUBTREE.includes(item.org))
      .map((item) => item.title)
    const rows = page.locator('table tbody tr')
    await expect(rows).toHaveCount(expected.length)
    for (const title of expected)
      await expect(page.getByRole('link', { name: title })).toBeVisible()
    await page.screenshot({
      path: 'tests/artifacts/desktop/admin-reviewer-scripts.png',
      fullPage: true,
    })
  })

  test('a village editor sees only the village’s work and what was returned to them', async ({
    page,
  }) => {
    await login(page, 'xinghua.editor@lanchuan.example')
    await expect(page.getByRole('navigation', { name: '退回待改' })).toBeVisible()
    for (const kind of ['scripts', 'cases'] as const) {
      await page.goto(`/admin/collections/${kind}?limit=100`)
      const expected = DEMO_CONTENT[kind].filter((item) => item.org === 'xinghua')
      await expect(page.locator('table tbody tr')).toHaveCount(expected.length)
    }
  })
})
