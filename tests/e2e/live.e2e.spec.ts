import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { exportSite } from '../../src/lib/staticSite/exportSite'
import { draftDemo, publishedDemo } from '../helpers/demo'
import { crawl, serveStatic } from '../helpers/staticServer'
import { snap } from '../helpers/snap'
import { adminHeaders, createScript, waitForStaticPublisher } from '../helpers/staticSite'

/**
 * Tests that change what the portal shows, or read all of it, run in their own project after the
 * phone and desktop projects (see playwright.config.ts), one at a time, so no other test sees a
 * resource appear and vanish.
 */
test.describe.configure({ mode: 'serial' })

const ALL_DRAFT_TITLES = RESOURCE_KINDS.flatMap((kind) => draftDemo(kind).map((d) => d.title))

test('publishing through the API updates the live pages without a rebuild', async ({ request }) => {
  const headers = await adminHeaders(request)
  const orgs = await (
    await request.get('/api/orgs?where[slug][equals]=xinghua', { headers })
  ).json()
  const topics = await (
    await request.get('/api/topics?where[slug][equals]=hunshi-xinban', { headers })
  ).json()
  const slug = `e2e-publish-${Date.now().toString(36)}`
  const title = `端到端发布测试${slug.slice(-6)}`
  const id = await createScript(request, headers, {
    title,
    slug,
    summary: '发布后应立即出现在门户上。',
    org: orgs.docs[0].id,
    topics: [topics.docs[0].id],
    format: 'bandeng',
    durationMinutes: 8,
    paragraphs: ['乡亲们好，今天讲婚事新办。'],
    _status: 'draft',
  })
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
  for (const url of watched.slice(1)) {
    expect(await (await request.get(url)).text(), url).not.toContain(slug)
  }
})

test('list pages are cached, and an edit that moves a script between filters shows at once', async ({
  request,
}) => {
  const headers = await adminHeaders(request)
  const orgs = await (
    await request.get('/api/orgs?where[slug][equals]=xinghua', { headers })
  ).json()
  const slug = `e2e-list-${Date.now().toString(36)}`
  const title = `端到端列表测试${slug.slice(-6)}`
  const id = await createScript(request, headers, {
    title,
    slug,
    summary: '改了形式以后，应当立即换到另一个筛选列表里。',
    org: orgs.docs[0].id,
    format: 'shuoshi',
    durationMinutes: 1,
    paragraphs: ['乡亲们好，今天说说院坝里的事。'],
    _status: 'published',
  })
  const cache = async (url: string) => (await request.get(url)).headers()['x-nextjs-cache']
  const html = async (url: string) => (await request.get(url)).text()

  // The static publisher's job for this change expires the change's pages once more as it starts
  // (src/lib/staticSite/publisher.ts): let it finish, so no background writer expires what we read.
  await waitForStaticPublisher(request, headers)
  // Each list is rendered once and then served from the cache, equivalent URLs included.
  const wenyi = '/scripts?format=wenyi'
  await html(wenyi)
  expect(await cache(wenyi)).toBe('HIT')
  expect(await cache('/scripts?utm_source=wx&format=wenyi&page=abc')).toBe('HIT')
  expect(await html(wenyi)).not.toContain(title)
  expect(await html('/scripts?format=shuoshi')).toContain(title)
  expect(await html('/scripts?sort=shortest')).toContain(title)
  expect(await html('/scripts')).toContain(title)

  // A plain edit: no new slug or date, so the kind's order stays; the filtered lists change.
  const edited = await request.patch(`/api/scripts/${id}`, {
    headers,
    data: { format: 'wenyi', durationMinutes: 90 },
  })
  expect(edited.status()).toBe(200)
  expect(await html(wenyi)).toContain(title)
  expect(await html('/scripts?format=shuoshi')).not.toContain(title)
  expect(await html('/scripts?sort=shortest')).not.toContain(title)
  // The cached copy's scripts run under the cached page's policy, not a per-request nonce.
  const policies = (await request.get(wenyi))
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'content-security-policy')
    .map((header) => header.value)
  expect(policies.some((policy) => policy.includes("frame-ancestors 'self'"))).toBe(true)
  expect(policies.some((policy) => /script-src 'self'( 'sha256-[^']+')+$/.test(policy))).toBe(true)

  expect((await request.delete(`/api/scripts/${id}`, { headers })).status()).toBe(200)
  for (const url of [wenyi, '/scripts', '/scripts?sort=shortest']) {
    expect(await html(url), url).not.toContain(slug)
  }
  // Pages beyond the cached range still render, per request.
  const deep = await request.get('/scripts?page=51')
  expect(deep.status()).toBe(200)
  expect(deep.headers()['x-nextjs-cache']).toBeUndefined()
})

test('static export: atomic, under a base path, zero broken links, no drafts', async ({
  page,
  baseURL,
}) => {
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
      onProgress: () => (progressCalls += 1),
    })
    console.log(
      `[measure] export: ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.pages} pages, ${result.files} files`,
    )
    // One progress call per URL fetched; the search index and scripts are written besides.
    expect(progressCalls).toBe(result.rendered)
    expect(result.files).toBeGreaterThan(result.rendered)

    const { ok, broken } = await crawl([
      `${server.origin}/portal/`,
      `${server.origin}/portal/robots.txt`,
    ])
    expect(broken).toEqual([])
    for (const expected of [
      '/portal/scripts/page/2/',
      '/portal/topics/yifeng-yisu/',
      '/portal/orgs/liuxi/',
      `/portal/scripts/${publishedDemo('scripts')[0].slug}/script.docx`,
      `/portal/videos/${publishedDemo('videos')[0].slug}/subtitles.vtt`,
      '/portal/sitemap.xml',
      '/portal/embed/scripts/',
      '/portal/embed/topics/yifeng-yisu/',
      '/portal/embed/orgs/liuxi/',
      `/portal/embed/videos/${publishedDemo('videos')[0].slug}/`,
      `/portal/oembed/cases/${publishedDemo('cases')[0].slug}.json`,
    ]) {
      expect(ok, expected).toContain(`${server.origin}${encodeURI(expected)}`)
    }
    expect(ok.some((url) => url.includes('/portal/_next/static/'))).toBe(true)
    expect(ok.some((url) => url.includes('/portal/api/media/file/'))).toBe(true)

    // No draft anywhere in the export (text files; binary media cannot hold a title).
    const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
      .map((file) => path.join(outDir, file))
      .filter((file) => statSync(file).isFile() && /\.(html|xml|txt|vtt|json)$/.test(file))
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

    // The loader is named only in copyable code (no page links to it), yet it is exported.
    const loader = await fetch(`${server.origin}/portal/embed.js`)
    expect(loader.status).toBe(200)
    expect(await loader.text()).toContain('practice-hub:hello')
    // Embeds in the static copy: oEmbed JSON points at the copy, widgets keep their script,
    // and the framing policy is written for static hosts.
    const oembed = JSON.parse(
      readFileSync(
        path.join(outDir, 'oembed', 'cases', `${publishedDemo('cases')[0].slug}.json`),
        'utf8',
      ),
    )
    expect(oembed.html).toContain(`src="${server.origin}/portal/embed/cases/`)
    expect(readFileSync(path.join(outDir, 'embed', 'scripts', 'index.html'), 'utf8')).toContain(
      'practice-hub:height',
    )
    expect(readFileSync(path.join(outDir, '_headers'), 'utf8')).toMatch(
      /\/portal\/embed\/\*\n(?: {2}.+\n)* {2}Content-Security-Policy: script-src 'self' 'sha256-[^\n]*frame-ancestors 'self'/,
    )
    expect(readFileSync(path.join(outDir, 'nginx-embed.conf'), 'utf8')).toContain(
      'location ^~ /portal/embed/ {',
    )

    await page.goto(`${server.origin}/portal/embed/scripts/?count=2&theme=dark`)
    await expect(page.locator('[data-embed-item]:visible')).toHaveCount(2)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.goto(`${server.origin}/portal/scripts/`)
    await expect(page.locator('[data-embed-code="loader"]')).toHaveValue(
      `<div data-practice-hub-embed="/embed/scripts" data-title="最新宣讲稿"></div>\n<script src="${server.origin}/portal/embed.js" async></script>`,
    )

    // The static copy works in a browser with no server logic, under its base path.
    await page.goto(`${server.origin}/portal/`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('岚川县文明实践资源库')
    await snap(page, 'export-home', 'live')
    const first = publishedDemo('cases')[0]
    await page.goto(`${server.origin}/portal/cases/`)
    await page.getByRole('link', { name: first.title, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/portal/cases/${first.slug}/?$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
    await snap(page, 'export-case', 'live')
    const script = publishedDemo('scripts')[0]
    await page.goto(`${server.origin}/portal/scripts/${script.slug}/`)
    expect(await page.locator('script[src*="/_next/"]').count()).toBe(0)
    await page.getByRole('button', { name: '大字阅读' }).click()
    await expect(page.getByRole('button', { name: '标准字号' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await snap(page, 'export-script-large-type', 'live')

    // Search works in the static copy: the index and script sit next to the pages.
    await page.goto(`${server.origin}/portal/search/?q=${encodeURIComponent('彩禮 老年人')}`)
    const hit = page.locator('[data-search-results] .hit').first()
    await expect(hit).toBeVisible()
    await expect(hit.getByRole('link')).toHaveAttribute(
      'href',
      /^\/portal\/(scripts|videos|textbooks|cases)\/[a-z0-9-]+\/$/,
    )
    await expect(page.locator('[data-search-results]')).not.toContainText(ALL_DRAFT_TITLES[0])
    await snap(page, 'export-search', 'live')
    await hit.getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // Lecturers and teams too, from the profiles file next to the index.
    await page.goto(`${server.origin}/portal/search/?q=${encodeURIComponent('银发')}`)
    const team = page.locator('.people-hits').getByRole('link', { name: '柳溪银发宣讲团' })
    await expect(team).toHaveAttribute('href', '/portal/lecturers/yinfa-xuanjiangtuan/')
    await team.click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('柳溪银发宣讲团')

    // An export that fails part-way leaves the previous one untouched.
    const before = readFileSync(path.join(outDir, 'index.html'), 'utf8')
    await expect(
      exportSite({ origin: 'http://127.0.0.1:9', outDir, basePath: '/portal' }),
    ).rejects.toThrow()
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe(before)
    expect(readdirSync(root)).toEqual(['export'])
  } finally {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
})
