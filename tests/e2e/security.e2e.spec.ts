/* eslint-disable no-control-regex -- the checks look for NUL on purpose */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test'

import { listSiteFiles } from '../../src/lib/staticSite/site'
import {
  hostile,
  hostileBody,
  hostileMark,
  hostileSubtitles,
  INJECTED_SELECTOR,
  stored,
} from '../helpers/hostile'
import { png } from '../helpers/media'
import { startNginx } from '../helpers/nginx'
import {
  adminHeaders,
  STATIC_ROOT,
  waitForStaticPublisher,
  type AdminHeaders,
} from '../helpers/staticSite'

/**
 * Hostile content on every surface a browser sees. An org, a topic, a tag, a lecturer, a file name,
 * a subtitle line and a resource of each kind get values that break out of elements, attributes,
 * CDATA and scripts, with `javascript:` links, bidi overrides and NUL. Then every page kind (phone
 * and desktop), the widgets, search, feeds, oEmbed, JSON-LD, OpenGraph, the sitemap, the static
 * copy behind nginx and the admin are loaded with a `dialog` listener and a CSP violation hook:
 * no script from content ever runs, no element is made from it, and the pages' own scripts run
 * under the policy without one violation.
 */
test.describe.configure({ mode: 'serial' })

const mark = hostileMark()
const v = {
  org: hostile('站', mark),
  topic: hostile('题', mark, true),
  tag: hostile('签', mark, true),
  lecturer: hostile('讲', mark, true),
  alt: hostile('图', mark),
  title: (label: string) => hostile(label, mark),
  summary: hostile('摘要', mark),
  cue: `幕${mark}&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"'\u202e\u0000末`,
}
const FILE_NAME = `${mark}"'><img src=x onerror=alert(3)>.png`
const slugs = {
  org: `${mark}-zhan`,
  topic: `${mark}-ti`,
  scripts: `${mark}-gao`,
  videos: `${mark}-shipin`,
  textbooks: `${mark}-jiaocai`,
  cases: `${mark}-anli`,
}
const created: [string, string | number][] = []

let api: APIRequestContext
let headers: AdminHeaders

async function create(collection: string, data: Record<string, unknown>) {
  const response = await api.post(`/api/${collection}`, { headers, data })
  expect(response.status(), `${collection}: ${await response.text()}`).toBe(201)
  const { doc } = await response.json()
  created.unshift([collection, doc.id])
  return doc as { id: string | number }
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(240_000)
  api = await playwright.request.newContext({
    baseURL: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`,
  })
  headers = await adminHeaders(api)
  const find = async (collection: string, slug: string) =>
    (await (await api.get(`/api/${collection}?where[slug][equals]=${slug}`, { headers })).json())
      .docs[0].id
  const liuxi = await find('orgs', 'liuxi')
  const org = await create('orgs', {
    name: v.org,
    slug: slugs.org,
    level: 'station',
    parent: liuxi,
  })
  const topic = await create('topics', { name: v.topic, slug: slugs.topic })
  const upload = await api.post('/api/media', {
    headers,
    multipart: {
      file: { name: FILE_NAME, mimeType: 'image/png', buffer: await png(800, 600) },
      _payload: JSON.stringify({ alt: v.alt, org: org.id }),
    },
  })
  expect(upload.status(), await upload.text()).toBe(201)
  const media = (await upload.json()).doc
  created.unshift(['media', media.id])
  await create('users', {
    name: v.lecturer,
    email: `${mark}@lanchuan.example`,
    password: 'Lanchuan-2026-hostile',
    role: 'lecturer',
    org: org.id,
  })
  const common = (label: string, kind: keyof typeof slugs) => ({
    title: v.title(label),
    slug: slugs[kind],
    summary: v.summary,
    org: org.id,
    topics: [topic.id],
    tags: [v.tag],
    cover: media.id,
    _status: 'published',
  })
  await create('scripts', {
    ...common('稿', 'scripts'),
    format: 'bandeng',
    durationMinutes: 9,
    keyPoints: [{ point: v.title('点') }],
    body: hostileBody(v.title('文')),
  })
  await create('videos', {
    ...common('视频', 'videos'),
    dialect: 'lanchuan',
    poster: media.id,
    description: v.title('说明'),
    subtitles: hostileSubtitles(v.cue),
  })
  await create('textbooks', {
    ...common('教材', 'textbooks'),
    chapters: [{ title: v.title('章'), body: hostileBody(v.title('章文')) }],
  })
  await create('cases', {
    ...common('案例', 'cases'),
    loop: { order: v.summary, dispatch: v.summary, accept: v.summary, review: v.summary },
    body: hostileBody(v.title('案文')),
    gallery: [{ image: media.id, caption: v.title('图注') }],
  })
  await waitForStaticPublisher(api, headers)
})

test.afterAll(async () => {
  for (const [collection, id] of created) {
    await api.delete(`/api/${collection}/${id}`, { headers })
  }
  await waitForStaticPublisher(api, headers).catch(() => undefined)
  await api.dispose()
})

type Watch = { dialogs: string[]; refused: string[] }

/** A page that records dialogs, CSP violations (event and console) and never blocks on a dialog. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage()
  const watch: Watch = { dialogs: [], refused: [] }
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) {
      watch.refused.push(message.text())
    }
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__violations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    )
  })
  return { page, watch }
}

/** Live markup made from content: the payload's elements, handlers, links and bare scripts. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const found = [...document.querySelectorAll(selector)].map((element) =>
      element.outerHTML.slice(0, 120),
    )
    for (const script of document.scripts) {
      if (/^alert\(\d\)$/.test(script.text.trim())) found.push(script.outerHTML)
    }
    return found
  }, INJECTED_SELECTOR)
}

type Visit = { path: string; showsMark: boolean }

/**
 * Loads a page and checks it: no dialog, no violation, nothing injected, its scripts ran (Next.js
 * hydrated, unless `live` is false), and the policy restricts scripts.
 */
async function check(
  page: Page,
  watch: Watch,
  origin: string,
  { path: url, showsMark }: Visit,
  live: boolean,
) {
  const response = await page.goto(`${origin}${url}`)
  expect(response, url).not.toBeNull()
  expect(response!.status(), url).toBeLessThan(500)
  const policies = (await response!.headersArray())
    .filter((header) => header.name.toLowerCase() === 'content-security-policy')
    // Repeated headers arrive joined: by line breaks from the network, by commas through the
    // service worker (the Fetch API's Headers). Either way, one policy per part.
    .flatMap((header) => header.value.split(/[\n,]/).map((policy) => policy.trim()))
  expect(
    policies.some((policy) => /(?:^|; )script-src /.test(policy)),
    `${url}: script-src`,
  ).toBe(true)
  expect(policies.join(' '), url).not.toMatch(/script-src[^;]*(?:unsafe-inline|unsafe-eval|\*)/)
  if (live) {
    await page.waitForFunction(
      () => typeof (window as { next?: { version?: string } }).next?.version === 'string',
    )
  } else {
    await page.waitForLoadState('load')
  }
  if (showsMark) await expect(page.locator('body'), url).toContainText(mark)
  const body = await page.locator('body').innerText()
  expect(body, url).not.toMatch(/[\u0000\u202e]/)
  expect(await injected(page), url).toEqual([])
  expect(
    await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    url,
  ).toEqual([])
  expect(watch.refused, url).toEqual([])
  expect(watch.dialogs, url).toEqual([])
}

const LIVE_PAGES: Visit[] = [
  { path: '/', showsMark: true },
  { path: '/scripts', showsMark: true },
  { path: `/scripts?topic=${slugs.topic}`, showsMark: true },
  { path: `/videos?dialect=lanchuan`, showsMark: true },
  { path: '/textbooks', showsMark: true },
  { path: '/cases', showsMark: true },
  { path: `/search?q=${mark}`, showsMark: true },
  { path: '/topics', showsMark: true },
  { path: `/topics/${slugs.topic}`, showsMark: true },
  { path: '/orgs', showsMark: true },
  { path: `/orgs/${slugs.org}`, showsMark: true },
  { path: `/scripts/${slugs.scripts}`, showsMark: true },
  { path: `/videos/${slugs.videos}`, showsMark: true },
  { path: `/textbooks/${slugs.textbooks}`, showsMark: true },
  { path: `/cases/${slugs.cases}`, showsMark: true },
  { path: '/embed/scripts', showsMark: true },
  { path: `/embed/scripts?format=bandeng`, showsMark: true },
  { path: `/embed/scripts/${slugs.scripts}`, showsMark: true },
  { path: `/embed/videos/${slugs.videos}`, showsMark: true },
  { path: `/embed/topics/${slugs.topic}`, showsMark: true },
  { path: `/embed/orgs/${slugs.org}`, showsMark: true },
  { path: '/scripts/no-such-script', showsMark: false },
  { path: '/no-such-page', showsMark: false },
  { path: '/no-such/page', showsMark: false },
]

const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 860 } },
}

async function eachViewport(browser: Browser, run: (page: Page, watch: Watch) => Promise<void>) {
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' })
    try {
      const { page, watch } = await watchedPage(context)
      await test.step(name, () => run(page, watch))
    } finally {
      await context.close()
    }
  }
}

test('no content runs on any live page kind, and the pages run under the policy', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000)
  await eachViewport(browser, async (page, watch) => {
    for (const visit of LIVE_PAGES) {
      await check(page, watch, baseURL!, visit, true)
      if (visit.path === `/scripts/${slugs.scripts}`) {
        const width = page.viewportSize()!.width
        await page.screenshot({
          path: `tests/artifacts/security-script-${width}.png`,
          fullPage: true,
        })
      }
    }
  })
})

test('the policy blocks a script that is not ours, on cached pages and on pages rendered per request', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext()
  const { page } = await watchedPage(context)
  for (const url of [
    `/scripts/${slugs.scripts}`,
    '/scripts',
    '/search?q=%E5%B2%9A%E5%B7%9D',
    `/embed/scripts/${slugs.scripts}`,
  ]) {
    await page.goto(`${baseURL}${url}`)
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injectedRan = true'
      document.body.append(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      return {
        ran: (window as { __injectedRan?: boolean }).__injectedRan === true,
        violations: (window as unknown as { __violations: string[] }).__violations,
      }
    })
    expect(ran.ran, url).toBe(false)
    expect(ran.violations.join('\n'), url).toContain('script-src')
  }
  await context.close()
})

test('every response kind carries its framing rule and policy, whether the proxy ran or not', async ({
  request,
}) => {
  const headersOf = async (url: string) => {
    const response = await request.get(url, { maxRedirects: 0 })
    const policies = response
      .headersArray()
      .filter((header) => header.name.toLowerCase() === 'content-security-policy')
      .map((header) => header.value)
    return {
      status: response.status(),
      policy: policies.join('\n'),
      policies,
      frameOptions: response.headers()['x-frame-options'],
      text: await response.text(),
    }
  }
  // Cached pages, feeds and files: fixed headers (next.config.mjs), the proxy adds none.
  const cached = [
    '/',
    '/topics',
    `/topics/${slugs.topic}`,
    `/orgs/${slugs.org}`,
    ...(['scripts', 'videos', 'textbooks', 'cases'] as const).map(
      (kind) => `/${kind}/${slugs[kind]}`,
    ),
    // List pages, through the proxy's rewrite to their cached copy (src/lib/listCache.ts).
    '/scripts',
    '/videos?page=2',
    '/scripts?format=bandeng&sort=shortest',
    // Search pages, by their canonical query (kept in memory only).
    '/search',
    '/search?q=%E5%B2%9A%E5%B7%9D',
    '/feeds/rss.xml',
    '/robots.txt',
    '/embed.js',
  ]
  for (const url of cached) {
    const got = await headersOf(url)
    expect(got.status, url).toBe(200)
    expect(got.frameOptions, url).toBe('SAMEORIGIN')
    expect(got.policy, url).toContain("frame-ancestors 'self'")
    expect(got.policy, url).toContain("object-src 'none'")
    expect(got.policy, url).not.toContain('nonce-')
    // HTML pages: their inline scripts by hash, from the cache handler.
    if (got.text.startsWith('<!DOCTYPE html>')) {
      expect(got.policy, url).toMatch(/script-src 'self'( 'sha256-[^']+')+/)
    }
  }
  // Pages rendered per request: the proxy's policy, with a fresh nonce each time.
  for (const url of ['/scripts?page=51', '/scripts?page=52&format=bandeng']) {
    const [first, second] = [await headersOf(url), await headersOf(url)]
    expect(first.status, url).toBe(200)
    expect(first.frameOptions, url).toBe('SAMEORIGIN')
    expect(first.policy, url).toMatch(/script-src 'self' 'nonce-[^']+'/)
    expect(first.policy, url).toContain("frame-ancestors 'self'")
    expect(first.policy, url).toContain("object-src 'none'")
    const nonce = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce(first.policy), url).not.toBe(nonce(second.policy))
  }
  // The admin: framed only by the portal, and none of the portal's policy (Payload's own scripts).
  const admin = await headersOf('/admin/login')
  expect(admin.frameOptions).toBe('SAMEORIGIN')
  expect(admin.policies).toEqual(["frame-ancestors 'self'"])
  // Widgets: the allowed origins decide, so no X-Frame-Options (it cannot list them).
  const widget = await headersOf(`/embed/scripts/${slugs.scripts}`)
  expect(widget.status).toBe(200)
  expect(widget.frameOptions).toBeUndefined()
  expect(widget.policy).toMatch(/frame-ancestors 'self'/)
  // Broken percent-encoding anywhere: a Chinese 400, not Next.js's bare error.
  for (const url of ['/scripts/%E4%B8', '/topics/%E4%B8/%E4%B8', '/feeds/%E4%B8/rss.xml']) {
    const got = await headersOf(url)
    expect(got.status, url).toBe(400)
    expect(got.text, url).toContain('百分号编码')
  }
})

test('feeds of every scope carry hostile text that a browser shows as characters', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext()
  const { page, watch } = await watchedPage(context)
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="sink"></div>')
  const scopes = ['', 'scripts/', `topic/${slugs.topic}/`, `org/${slugs.org}/`, 'videos/']
  for (const scope of scopes) {
    for (const format of ['rss.xml', 'atom.xml']) {
      const url = `/feeds/${scope}${format}`
      const xml = await (await request.get(url)).text()
      expect(xml, url).toContain(mark)
      expect(xml, url).not.toMatch(/[\u0000\u202e]/)
      // As a naive media-center importer would: read the XML, paste each field in as HTML.
      const pasted = await page.evaluate(
        ({ source, mark: marker }) => {
          const doc = new DOMParser().parseFromString(source, 'application/xml')
          if (doc.querySelector('parsererror')) return { error: true, elements: -1, texts: [] }
          const sink = document.getElementById('sink')!
          const texts: string[] = []
          let elements = 0
          for (const field of doc.querySelectorAll(
            'item > title, item > description, entry > title, entry > summary, entry > content',
          )) {
            if (!field.textContent?.includes(marker)) continue
            sink.innerHTML = field.textContent
            elements += sink.querySelectorAll('*').length
            texts.push(sink.textContent ?? '')
          }
          return { error: false, elements, texts }
        },
        { source: xml, mark },
      )
      expect(pasted.error, url).toBe(false)
      expect(pasted.texts.length, url).toBeGreaterThan(0)
      expect(pasted.elements, url).toBe(0)
      for (const text of pasted.texts)
        expect(text, url).toContain(`${mark}"'><img src=x onerror=alert(1)>`)
    }
    const json = await (await request.get(`/feeds/${scope}feed.json`)).json()
    const item = json.items.find((entry: { title: string }) => entry.title.includes(mark))
    expect(item, scope).toBeTruthy()
    expect(item.content_html, scope).toBeUndefined()
    expect(item.content_text, scope).toBe(stored(v.summary))
  }
  await page.waitForTimeout(300)
  expect(watch.dialogs).toEqual([])
  await context.close()
})

test('embed codes, the loader, oEmbed, JSON-LD, OpenGraph and the sitemap keep hostile text as data', async ({
  browser,
  baseURL,
  request,
}) => {
  const context = await browser.newContext()
  const { page, watch } = await watchedPage(context)
  const pageUrl = `${process.env.SITE_URL ?? baseURL}/scripts/${slugs.scripts}`
  for (const url of [
    `/api/oembed?url=${encodeURIComponent(pageUrl)}`,
    `/oembed/scripts/${slugs.scripts}.json`,
  ]) {
    const oembed = await (await request.get(url)).json()
    expect(oembed.title, url).toBe(stored(v.title('稿')))
    await page.setContent('<!doctype html><meta charset="utf-8"><div id="sink"></div>')
    const made = await page.evaluate((html) => {
      const sink = document.getElementById('sink')!
      sink.innerHTML = html
      return [...sink.querySelectorAll('*')].map((element) => element.tagName)
    }, oembed.html as string)
    expect(made, url).toEqual(['IFRAME'])
  }

  await page.goto(`${baseURL}/scripts/${slugs.scripts}`)
  // The embed panel's codes, pasted into a media center's page: one widget, titled as text.
  const codes = {
    iframe: await page.locator('[data-embed-code="iframe"]').inputValue(),
    loader: await page.locator('[data-embed-code="loader"]').inputValue(),
  }
  const host = await context.newPage()
  host.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  for (const [name, code] of Object.entries(codes)) {
    await host.setContent(`<!doctype html><meta charset="utf-8"><main>${code}</main>`)
    await expect(host.locator('main iframe'), name).toHaveCount(1)
    expect(await host.locator('main iframe').getAttribute('title'), name).toBe(
      stored(v.title('稿')),
    )
    expect(await host.locator('main img, main script:not([src])').count(), name).toBe(0)
  }
  await host.close()

  const data = await page.evaluate(() =>
    [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
      JSON.parse(script.textContent ?? 'null'),
    ),
  )
  expect(data.map((entry) => entry?.name)).toContain(stored(v.title('稿')))
  const og = await page.locator('meta[property="og:title"]').getAttribute('content')
  expect(og).toContain(stored(v.title('稿')))
  expect(await page.locator('head img, head iframe').count()).toBe(0)

  const sitemap = await (await request.get('/sitemap.xml')).text()
  expect(sitemap).toContain(`/scripts/${slugs.scripts}<`)
  const parses = await page.evaluate(
    (xml) => !new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror'),
    sitemap,
  )
  expect(parses).toBe(true)
  expect(watch.dialogs).toEqual([])
  await context.close()
})

test('the static copy behind nginx: hostile text in every file only as text, and no script runs', async ({
  browser,
}) => {
  test.skip(!STATIC_ROOT, 'STATIC_SITE_DIR is set by scripts/test-e2e.sh')
  test.setTimeout(240_000)
  const root = STATIC_ROOT as string
  // Every page, feed and track the publisher wrote: never the payload as markup.
  let checked = 0
  for (const file of await listSiteFiles(root)) {
    if (!/\.(?:html|xml|vtt)$/.test(file)) continue
    const text = await readFile(path.join(root, file), 'utf8')
    if (!text.includes(mark)) continue
    checked += 1
    expect(text, file).not.toMatch(/<img src=x|<script>alert|[\u0000\u202e]/)
  }
  expect(checked).toBeGreaterThan(10)

  const port = Number(process.env.E2E_PORT ?? 3100) + 8
  const nginx = await startNginx(root, port, new URL(process.env.SITE_URL as string).host)
  try {
    await eachViewport(browser, async (page, watch) => {
      for (const visit of [
        { path: '/', showsMark: true },
        { path: '/scripts/', showsMark: true },
        { path: `/scripts/${slugs.scripts}/`, showsMark: true },
        { path: `/videos/${slugs.videos}/`, showsMark: true },
        { path: `/textbooks/${slugs.textbooks}/`, showsMark: true },
        { path: `/cases/${slugs.cases}/`, showsMark: true },
        { path: `/topics/${slugs.topic}/`, showsMark: true },
        { path: `/orgs/${slugs.org}/`, showsMark: true },
        { path: `/search/?q=${mark}`, showsMark: true },
        { path: '/embed/scripts/', showsMark: true },
        { path: `/embed/scripts/${slugs.scripts}/`, showsMark: true },
        { path: '/no-such-page/', showsMark: false },
      ]) {
        await check(page, watch, nginx.origin, visit, false)
      }
    })
  } finally {
    nginx.stop()
  }
})

test('the admin shows hostile names and titles as text', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const { page, watch } = await watchedPage(context)
  await page.goto(`${baseURL}/admin/login`)
  await page.getByLabel('电子邮件').fill('admin@lanchuan.example')
  await page.getByLabel('密码').fill('lanchuan2026')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).not.toHaveURL(/\/admin\/login/)
  const id = (collection: string) => created.find(([name]) => name === collection)![1]
  for (const url of [
    '/admin/collections/scripts',
    `/admin/collections/scripts/${id('scripts')}`,
    `/admin/collections/cases/${id('cases')}`,
    '/admin/collections/users',
    '/admin/collections/topics',
    '/admin/collections/orgs',
    '/admin/collections/media',
  ]) {
    await page.goto(`${baseURL}${url}`)
    await expect(page.locator('body'), url).toContainText(mark, { timeout: 15_000 })
    expect(await injected(page), url).toEqual([])
    expect(watch.dialogs, url).toEqual([])
  }
  await page.goto(`${baseURL}/admin/collections/scripts/${id('scripts')}`)
  await expect(page.locator('body')).toContainText(mark, { timeout: 15_000 })
  await page.screenshot({ path: 'tests/artifacts/security-admin-edit.png' })
  await context.close()
})
