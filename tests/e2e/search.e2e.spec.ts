import { expect, test } from '@playwright/test'

test('a lecturer searches in two words and sees marked snippets', async ({ page }, info) => {
  await page.goto('/')
  await page.getByRole('link', { name: '搜索' }).click()
  await page.getByLabel('搜索宣讲稿、视频、教材和案例').fill('老年人 防诈骗')
  await page.getByRole('button', { name: '搜索', exact: true }).click()
  await expect(page).toHaveURL(/\/search\?q=/)
  const hits = page.locator('.hit')
  await expect(hits.first()).toBeVisible()
  await expect(page.locator('.snippet mark').first()).toBeVisible()
  await page.screenshot({ path: `tests/artifacts/${info.project.name}/search.png`, fullPage: true })

  // Facets narrow the results and live in the URL.
  const before = await hits.count()
  // On a phone the facets fold behind 筛选; on a desktop they are a column.
  const toggle = page.locator('.facets-panel > summary')
  if (await toggle.isVisible()) await toggle.click()
  await page.locator('.facets').getByRole('link', { name: /^视频/ }).click()
  await expect(page).toHaveURL(/kind=videos/)
  expect(await hits.count()).toBeLessThanOrEqual(before)
  for (const label of await page.locator('.hit .kind-label').allTextContents())
    expect(label).toBe('视频')
})

test('traditional characters find simplified text; nothing found offers topics', async ({
  page,
}) => {
  await page.goto(`/search?q=${encodeURIComponent('彩禮')}`)
  await expect(page.locator('.hit').first()).toBeVisible()
  await page.goto(`/search?q=${encodeURIComponent('火星殖民计划')}`)
  await expect(page.getByText('没有找到相关资源')).toBeVisible()
  await expect(
    page.locator('.no-results').getByRole('link', { name: '持续深入移风易俗' }),
  ).toBeVisible()
})
