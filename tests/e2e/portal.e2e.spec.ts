import { expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'

import { scripts } from '../../src/seed/content/scripts'
import { DEMO_CONTENT, draftDemo, publishedDemo } from '../helpers/demo'
import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { snap } from '../helpers/snap'

const ALL_DRAFT_TITLES = RESOURCE_KINDS.flatMap((kind) => draftDemo(kind).map((d) => d.title))

test('home: entries by topic and township, county figures', async ({ page }, info) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '按“五项工作”找资源' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '按乡镇找资源' })).toBeVisible()
  const served = publishedDemo('cases').reduce(
    (sum, item) =>
      sum +
      (item as (typeof DEMO_CONTENT.cases)[number] & { outcomes: { peopleServed: number } })
        .outcomes.peopleServed,
    0,
  )
  await expect(page.getByText(served.toLocaleString('zh-CN'), { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: /移风易俗/ }).first()).toBeVisible()
  await snap(page, 'home-full', info.project.name)
  await page
    .getByRole('link', { name: /柳溪镇新时代文明实践所/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/orgs\/liuxi$/)
})

test('list filters change the results and live in a shareable URL', async ({ page }, info) => {
  const published = scripts.filter((script) => !script.draft)
  await page.goto('/scripts')
  await expect(page.getByRole('status')).toContainText(`共 ${published.length} 篇`)
  await page.getByLabel('形式').selectOption('bandeng')
  await page.getByRole('button', { name: '筛选' }).click()
  await expect(page).toHaveURL(/format=bandeng/)
  const bandeng = published.filter((script) => script.format === 'bandeng')
  await expect(page.getByRole('status')).toContainText(`符合条件的 ${bandeng.length} 篇`)
  await expect(page.locator('.cards > li')).toHaveCount(bandeng.length)
  for (const script of bandeng)
    await expect(page.getByRole('link', { name: script.title })).toBeVisible()
  await snap(page, 'list-scripts-filtered', info.project.name)

  // The shared URL reproduces the list: org subtree, duration range, shortest first.
  const liuxi = published.filter((s) => ['liuxi', 'xinghua', 'hewan'].includes(s.org))
  const inRange = liuxi.filter((s) => s.durationMinutes >= 5 && s.durationMinutes <= 20)
  await page.goto('/scripts?org=liuxi&min=5&max=20&sort=shortest')
  await expect(page.getByRole('status')).toContainText(`符合条件的 ${inRange.length} 篇`)
  const shown = await page.locator('.cards .card-title').allInnerTexts()
  const expected = [...inRange].sort((a, b) => a.durationMinutes - b.durationMinutes)
  expect(shown.map((title) => expected.find((s) => s.title === title)?.durationMinutes)).toEqual(
    expected.map((s) => s.durationMinutes),
  )
})

test('list pages paginate and bad query parameters never fail', async ({ page, request }, info) => {
  await page.goto('/scripts')
  await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '2' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.locator('.cards > li')).toHaveCount(scripts.filter((s) => !s.draft).length - 12)
  await snap(page, 'list-scripts-page-2', info.project.name)
  for (const query of [
    'page=abc&min=-1&max=x',
    'topic=%00%27&org=../../x',
    'page=999999999999&sort=%3Cscript%3E',
    'format=bandeng&format=wenyi&audience[]=1',
  ]) {
    const response = await request.get(`/scripts?${query}`)
    expect(response.status(), query).toBe(200)
  }
  expect((await request.get('/videos?min=abc&dialect=lanchuan')).status()).toBe(200)
})

test('topic and org pages show their subtree', async ({ page }, info) => {
  await page.goto('/topics/yifeng-yisu')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/移风易俗/)
  await expect(page.getByRole('list', { name: '子主题' }).getByRole('link')).not.toHaveCount(0)
  const inTopic = RESOURCE_KINDS.flatMap((kind) =>
    publishedDemo(kind).filter((item) =>
      item.topics.some((t) => ['yifeng-yisu', 'hunshi-xinban', 'sangshi-jianban'].includes(t)),
    ),
  )
  expect(inTopic.length).toBeGreaterThan(0)
  for (const item of inTopic.slice(0, 6)) {
    await expect(page.getByRole('link', { name: item.title, exact: true })).toBeVisible()
  }
  await snap(page, 'topic', info.project.name)

  await page.goto('/orgs/liuxi')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('柳溪镇新时代文明实践所')
  const village = publishedDemo('scripts').find((item) => item.org === 'xinghua')
  if (village)
    await expect(page.getByRole('link', { name: village.title, exact: true })).toBeVisible()
  await snap(page, 'org', info.project.name)
})

test('script page: large type, Word download, QR code, print', async ({ page, request }, info) => {
  const script = scripts.find((item) => !item.draft)!
  await page.goto(`/scripts/${script.slug}`)
  const body = page.locator('.script .prose p').first()
  const before = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  await page.getByRole('button', { name: '大字阅读' }).click()
  await expect(page.getByRole('button', { name: '标准字号' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const after = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(after).toBeGreaterThan(before)
  await expect(page.getByRole('img', { name: '本页二维码' }).locator('svg')).toBeVisible()
  await snap(page, 'script-large-type', info.project.name)
  await page.getByRole('button', { name: '标准字号' }).click()

  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.site-header')).toBeHidden()
  await expect(page.getByRole('button', { name: '大字阅读' })).toBeHidden()
  await expect(page.getByRole('heading', { name: '宣讲正文' })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  const link = page.getByRole('link', { name: '下载 Word' })
  const response = await request.get((await link.getAttribute('href'))!)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('wordprocessingml')
  expect(response.headers()['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent(`${script.title}.docx`)}`,
  )
  const entries = unzipSync(new Uint8Array(await response.body()))
  const xml = strFromU8(entries['word/document.xml'])
  expect(xml).toContain(script.title)
  expect(xml).toContain(script.keyPoints[0])
  const firstParagraph = script.body.find((p) => !p.startsWith('## ') && !p.startsWith('> '))!
  expect(xml).toContain(firstParagraph.slice(0, 20))
})

test('share metadata and structured data', async ({ page, request }) => {
  const script = scripts.find((item) => !item.draft)!
  await page.goto(`/scripts/${script.slug}`)
  const site = process.env.SITE_URL ?? ''
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
    'href',
    `${site}/scripts/${script.slug}`,
  )
  await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute(
    'content',
    /^http/,
  )
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
    'content',
    'summary_large_image',
  )
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
  expect(ld).toMatchObject({ '@type': 'Article', name: script.title })
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toContain('Disallow: /admin')
  expect(robots).toContain(`Sitemap: ${site}/sitemap.xml`)
})

test('portal responses ask for no client hints, so a first visit is not sent twice; the admin does', async ({
  request,
}) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  const detail = new URL(/<loc>([^<]+\/scripts\/[^<]+)<\/loc>/.exec(sitemap)?.[1] as string)
    .pathname
  for (const url of [
    '/',
    '/scripts',
    '/scripts?format=bandeng',
    detail,
    '/robots.txt',
    '/embed.js',
  ]) {
    const headers = (await request.get(url)).headers()
    // Chromium retries a first visit whose response names a Critical-CH it did not send.
    expect(headers['critical-ch'], url).toBeUndefined()
    expect(headers['accept-ch'], url).toBeUndefined()
    expect(headers.vary ?? '', url).not.toMatch(/Sec-CH-Prefers-Color-Scheme/i)
  }
  // The admin follows the reader's light or dark setting from its first paint.
  const admin = (await request.get('/admin/login')).headers()
  expect(admin['accept-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
  expect(admin['critical-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
})

test('drafts appear on no page, list or sitemap', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text()
  for (const kind of RESOURCE_KINDS) {
    for (const item of publishedDemo(kind)) expect(sitemap).toContain(`/${kind}/${item.slug}<`)
    for (const draft of draftDemo(kind)) {
      expect(sitemap).not.toContain(`/${kind}/${draft.slug}<`)
      expect((await request.get(`/${kind}/${draft.slug}`)).status()).toBe(404)
    }
  }
  expect((await request.get(`/scripts/${draftDemo('scripts')[0].slug}/script.docx`)).status()).toBe(
    404,
  )
  const pages = ['/', '/topics', '/orgs', ...RESOURCE_KINDS.map((k) => `/${k}`), '/scripts?page=2']
  for (const match of sitemap.matchAll(/<loc>[^<]*(\/(?:topics|orgs)\/[^<]+)<\/loc>/g))
    pages.push(match[1])
  for (const url of pages) {
    const html = await (await request.get(url)).text()
    for (const title of ALL_DRAFT_TITLES)
      expect(html, `${url} shows draft ${title}`).not.toContain(title)
  }
})
