import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'

import { exportSite } from '../../src/lib/staticExport'
import { scripts } from '../../src/seed/content/scripts'
import { crawl, serveStatic } from '../helpers/staticServer'
import { DEMO_CONTENT, draftDemo, publishedDemo } from '../helpers/demo'
import { RESOURCE_KINDS } from '../../src/lib/kinds'

async function snap(page: Page, name: string, project: string) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForLoadState('networkidle')
  const broken = await page.evaluate(() =>
    [...document.images]
      .filter((img) => img.complete && img.naturalWidth === 0)
      .map((img) => img.src),
  )
  expect(broken, 'images that failed to load').toEqual([])
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'page wider than the screen').toBeLessThanOrEqual(0)
  await page.screenshot({ path: `tests/artifacts/${project}/${name}.png`, fullPage: true })
}

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
  const shown = await page.locator('.cards h3').allInnerTexts()
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

test('publishing through the API updates the live pages without a rebuild', async ({
  request,
}, info) => {
  test.skip(info.project.name !== 'desktop', 'changes shared data: run once')
  const login = await request.post('/api/users/login', {
    data: { email: 'admin@lanchuan.example', password: 'lanchuan2026' },
  })
  expect(login.status()).toBe(200)
  const { token } = await login.json()
  const headers = { Authorization: `JWT ${token}` }
  const orgs = await (
    await request.get('/api/orgs?where[slug][equals]=xinghua', { headers })
  ).json()
  const topics = await (
    await request.get('/api/topics?where[slug][equals]=hunshi-xinban', { headers })
  ).json()
  const slug = `e2e-publish-${Date.now().toString(36)}`
  const title = `端到端发布测试${slug.slice(-6)}`
  const created = await request.post('/api/scripts?draft=true', {
    headers,
    data: {
      title,
      slug,
      summary: '发布后应立即出现在门户上。',
      org: orgs.docs[0].id,
      topics: [topics.docs[0].id],
      format: 'bandeng',
      durationMinutes: 8,
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [
            {
              type: 'paragraph',
              version: 1,
              direction: 'ltr',
              format: '',
              indent: 0,
              textFormat: 0,
              textStyle: '',
              children: [
                {
                  type: 'text',
                  version: 1,
                  text: '乡亲们好，今天讲婚事新办。',
                  detail: 0,
                  format: 0,
                  mode: 'normal',
                  style: '',
                },
              ],
            },
          ],
        },
      },
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).doc.id
  const watched = [`/scripts/${slug}`, '/topics/hunshi-xinban', '/orgs/liuxi', '/', '/sitemap.xml']
  expect((await request.get(watched[0])).status()).toBe(404)
  // Prime the prerendered pages so a stale copy would be served if revalidation failed.
  for (const url of watched.slice(1))
    expect(await (await request.get(url)).text()).not.toContain(slug)

  const publishedAt = Date.now()
  const patch = await request.patch(`/api/scripts/${id}`, {
    headers,
    data: { _status: 'published' },
  })
  expect(patch.status()).toBe(200)
  const detail = await request.get(watched[0])
  expect(detail.status()).toBe(200)
  expect(await detail.text()).toContain(title)
  console.log(`[measure] publish → updated page served: ${Date.now() - publishedAt} ms`)
  expect(await (await request.get('/topics/hunshi-xinban')).text()).toContain(title)
  expect(await (await request.get('/orgs/liuxi')).text()).toContain(title)
  expect(await (await request.get('/')).text()).toContain(title)
  expect(await (await request.get('/sitemap.xml')).text()).toContain(`/scripts/${slug}<`)

  const removed = await request.delete(`/api/scripts/${id}`, { headers })
  expect(removed.status()).toBe(200)
  expect((await request.get(watched[0])).status()).toBe(404)
  expect(await (await request.get('/topics/hunshi-xinban')).text()).not.toContain(title)
  expect(await (await request.get('/sitemap.xml')).text()).not.toContain(slug)
})

test('static export: atomic, under a base path, zero broken links, no drafts', async ({
  page,
  baseURL,
}, info) => {
  test.skip(info.project.name !== 'phone', 'one export is enough; the phone view checks it')
  test.setTimeout(300_000)
  const root = mkdtempSync(path.join(tmpdir(), 'practice-hub-export-'))
  const outDir = path.join(root, 'export')
  const server = await serveStatic(outDir, '/portal')
  try {
    const started = Date.now()
    let progressCalls = 0
    const result = await exportSite({
      origin: baseURL!,
      outDir,
      basePath: '/portal',
      siteUrl: process.env.SITE_URL,
      publicUrl: server.origin,
      nextStaticDir: path.join(process.cwd(), '.next', 'static'),
      onProgress: () => (progressCalls += 1),
    })
    console.log(
      `[measure] export: ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.pages} pages, ${result.files} files`,
    )
    expect(progressCalls).toBe(result.files - 1) // 404.html is written before the crawl

    const { ok, broken } = await crawl(`${server.origin}/portal/`)
    expect(broken).toEqual([])
    for (const expected of [
      '/portal/scripts/page/2/',
      '/portal/topics/yifeng-yisu/',
      '/portal/orgs/liuxi/',
      `/portal/scripts/${publishedDemo('scripts')[0].slug}/script.docx`,
      `/portal/videos/${publishedDemo('videos')[0].slug}/subtitles.vtt`,
      '/portal/sitemap.xml',
    ]) {
      expect(ok, expected).toContain(`${server.origin}${encodeURI(expected)}`)
    }
    expect(ok.some((url) => url.includes('/portal/_next/static/'))).toBe(true)
    expect(ok.some((url) => url.includes('/portal/api/media/file/'))).toBe(true)

    // No draft anywhere in the export (text files; binary media cannot hold a title).
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(outDir, file))
      .filter((file) => statSync(file).isFile() && /\.(html|xml|txt|vtt)$/.test(file))
    const text = files.map((file) => readFileSync(file, 'utf8')).join('\n')
    for (const title of ALL_DRAFT_TITLES) expect(text).not.toContain(title)
    for (const kind of RESOURCE_KINDS) {
      for (const draft of draftDemo(kind)) expect(text).not.toContain(`/${kind}/${draft.slug}/`)
    }
    const docx = execFileSync('unzip', [
      '-p',
      path.join(outDir, 'scripts', publishedDemo('scripts')[0].slug, 'script.docx'),
      'word/document.xml',
    ])
    expect(docx.toString()).toContain(publishedDemo('scripts')[0].title)

    // The static copy works in a browser with no server logic, under its base path.
    await page.goto(`${server.origin}/portal/`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('岚川县文明实践资源库')
    await snap(page, 'export-home', info.project.name)
    const first = publishedDemo('cases')[0]
    await page.goto(`${server.origin}/portal/cases/`)
    await page.getByRole('link', { name: first.title, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/portal/cases/${first.slug}/?$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
    await snap(page, 'export-case', info.project.name)

    // An export that fails part-way leaves the previous one untouched.
    const before = readFileSync(path.join(outDir, 'index.html'), 'utf8')
    await expect(
      exportSite({ origin: 'http://127.0.0.1:9', outDir, basePath: '/portal' }),
    ).rejects.toThrow()
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(before)
    expect(readdirSync(root)).toEqual(['export'])
  } finally {
    await server.close()
  }
})
