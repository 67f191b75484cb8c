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

test('lecturers and teams are found by name, place or pinyin, above the resources', async ({
  page,
}) => {
  await page.goto(`/search?q=${encodeURIComponent('石门')}`)
  const people = page.locator('.people-hits')
  await expect(people.getByRole('heading')).toHaveText('宣讲员 · 宣讲团')
  await expect(people.getByRole('link', { name: '石门百姓名嘴' })).toBeVisible()
  // Filters are about resources: the profiles give way.
  await page.goto(`/search?q=${encodeURIComponent('石门')}&kind=scripts`)
  await expect(page.locator('.results-summary')).toBeVisible()
  await expect(page.locator('.people-hits')).toHaveCount(0)

  // Typing a name in pinyin initials suggests the profile first, and Enter opens it.
  await page.goto('/search')
  const box = page.getByLabel('搜索宣讲稿、视频、教材和案例')
  await box.fill('yxf')
  const first = page.locator('.suggestions [role="option"]').first()
  await expect(first).toContainText('杨秀芬')
  await box.press('ArrowDown')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/lecturers\/yang-xiufen$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('杨秀芬')
})

test('the search page without a query offers where to start, not every resource', async ({
  page,
}) => {
  await page.goto('/search')
  await expect(page.getByLabel('搜索宣讲稿、视频、教材和案例')).toHaveValue('')
  await expect(page.locator('.hit')).toHaveCount(0)
  const prompt = page.locator('.search-prompt')
  await expect(prompt.getByRole('link', { name: '宣讲员与宣讲团' })).toHaveAttribute(
    'href',
    '/lecturers',
  )
  await prompt.getByRole('link', { name: '持续深入移风易俗' }).click()
  await expect(page).toHaveURL(/\/topics\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('移风易俗')
})
