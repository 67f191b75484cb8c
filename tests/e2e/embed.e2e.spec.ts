import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { draftDemo, publishedDemo } from '../helpers/demo'
import { snap } from '../helpers/snap'

/**
 * A media center's page on another origin embeds a list widget through the loader. Changes the
 * `site` global (allowed embedding origins) for a moment, so it runs on the desktop project only.
 */
test.describe.configure({ mode: 'serial' })
test.skip(({ isMobile }) => isMobile, 'desktop only (changes the site settings for a moment)')

const ALL_DRAFT_TITLES = RESOURCE_KINDS.flatMap((kind) => draftDemo(kind).map((d) => d.title))

type Host = { origin: string; setHtml: (html: string) => void; close: () => Promise<void> }

/** A tiny host site on `localhost` (the portal runs on 127.0.0.1): a different origin. */
async function hostSite(): Promise<Host> {
  let html = '<!doctype html><title>empty</title>'
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://localhost:${port}`,
    setHtml: (next) => (html = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function hostPage(portal: string, widget: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>岚川融媒 · 文明实践专栏</title>
<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:0;padding:24px;background:#eef2f6}
main{max-width:720px;margin:0 auto}header{background:#1a4f8b;color:#fff;padding:12px 16px;border-radius:8px}</style>
</head><body><main><header><h1>岚川融媒</h1><p>文明实践专栏</p></header>
<div id="slot" data-practice-hub-embed="${widget}" data-title="最新宣讲稿"></div>
<p id="after">—— 专栏页脚 ——</p></main>
<script src="${portal}/embed.js" async></script></body></html>`
}

async function adminHeaders(request: APIRequestContext) {
  const login = await request.post('/api/users/login', {
    data: { email: 'admin@lanchuan.example', password: 'lanchuan2026' },
  })
  expect(login.status()).toBe(200)
  return { Authorization: `JWT ${(await login.json()).token}` }
}

/**
 * Sets the allowed embedding origins as the admin. Other tests may sign in as the same admin at the
 * same moment; Payload keeps sessions on the user document, so a concurrent login can drop ours
 * (403): then sign in again.
 */
async function updateOrigins(request: APIRequestContext, origins: { origin: string }[]) {
  let status = 0
  for (let attempt = 0; attempt < 3 && status !== 200; attempt++) {
    const update = await request.post('/api/globals/site', {
      headers: await adminHeaders(request),
      data: { embedOrigins: origins },
    })
    status = update.status()
  }
  return status
}

/** The iframe's height and its content's height, as the host sees them. */
async function heights(page: Page) {
  const frame = page.frameLocator('#slot iframe')
  const outer = await page
    .locator('#slot iframe')
    .evaluate((el) => el.getBoundingClientRect().height)
  const inner = await frame
    .locator('[data-embed-root]')
    .evaluate((el) => Math.ceil(el.getBoundingClientRect().height))
  return { outer, inner }
}

let allowed: Host
let blocked: Host
let savedOrigins: { origin: string }[] = []

test.beforeAll(async ({ request }, info) => {
  if (info.project.name !== 'desktop') return
  allowed = await hostSite()
  blocked = await hostSite()
  const site = await (await request.get('/api/globals/site?depth=0')).json()
  savedOrigins = (site.embedOrigins ?? []).map((item: { origin: string }) => ({
    origin: item.origin,
  }))
  expect(await updateOrigins(request, [...savedOrigins, { origin: allowed.origin }])).toBe(200)
  // The proxy re-reads the allowed origins every few seconds.
  await expect
    .poll(async () => (await request.get('/embed/scripts')).headers()['content-security-policy'], {
      timeout: 30_000,
    })
    .toContain(allowed.origin)
})

test.afterAll(async ({ request }, info) => {
  if (info.project.name !== 'desktop') return
  expect(await updateOrigins(request, savedOrigins)).toBe(200)
  await allowed?.close()
  await blocked?.close()
})

test('a host page on another origin embeds a self-sizing list widget through the loader', async ({
  page,
  baseURL,
}) => {
  allowed.setHtml(hostPage(baseURL!, '/embed/scripts?count=2'))
  await page.goto(allowed.origin)
  const frame = page.frameLocator('#slot iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('宣讲稿')
  await expect(frame.locator('[data-embed-item]:visible')).toHaveCount(2)
  const iframe = page.locator('#slot iframe')
  await expect(iframe).toHaveAttribute('title', '最新宣讲稿')
  await expect(iframe).toHaveAttribute('loading', 'lazy')
  expect(await iframe.evaluate((el) => getComputedStyle(el).borderStyle)).toBe('none')
  expect(await iframe.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(600)

  // The loader sizes the frame to the widget's content (no inner scrollbar, no gap).
  await expect
    .poll(async () => Math.abs((await heights(page)).outer - (await heights(page)).inner))
    .toBeLessThanOrEqual(1)
  const small = (await heights(page)).outer
  await snap(page, 'host-two-items', 'embed')

  // Messages that do not come from the widget's frame and origin are ignored.
  await page.evaluate(() => {
    const frameEl = document.querySelector('#slot iframe') as HTMLIFrameElement
    const id = frameEl.getAttribute('data-embed-id')
    window.postMessage({ type: 'practice-hub:height', id, height: 5 }, '*')
  })
  await page.waitForTimeout(300)
  expect((await heights(page)).outer).toBe(small)

  // The host changes the widget: more items, the frame grows to fit them.
  await page.evaluate(() =>
    document
      .querySelector('#slot')!
      .setAttribute('data-practice-hub-embed', '/embed/scripts?count=7&layout=grid&accent=1a6fb0'),
  )
  await expect(frame.locator('[data-embed-item]:visible')).toHaveCount(7)
  await expect.poll(async () => (await heights(page)).outer).toBeGreaterThan(small + 100)
  await expect
    .poll(async () => Math.abs((await heights(page)).outer - (await heights(page)).inner))
    .toBeLessThanOrEqual(1)
  expect(
    await frame
      .locator('html')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--accent').trim()),
  ).toBe('#1a6fb0')

  // The widget's own content changes height (a long title wraps): the frame follows.
  const before = (await heights(page)).outer
  await frame
    .locator('[data-embed-item]:visible h2 a')
    .first()
    .evaluate((el) => {
      el.textContent = `${el.textContent} `.repeat(12)
    })
  await expect.poll(async () => (await heights(page)).outer).toBeGreaterThan(before)
  await expect
    .poll(async () => Math.abs((await heights(page)).outer - (await heights(page)).inner))
    .toBeLessThanOrEqual(1)
  await snap(page, 'host-grid-seven', 'embed')

  // No drafts, and every link opens the portal in a new tab.
  const text = await frame.locator('body').innerText()
  for (const title of ALL_DRAFT_TITLES) expect(text).not.toContain(title)
  const links = frame.locator('a')
  for (let i = 0; i < (await links.count()); i++) {
    await expect(links.nth(i)).toHaveAttribute('target', '_blank')
    await expect(links.nth(i)).toHaveAttribute('rel', /noopener/)
  }
  const second = frame.locator('[data-embed-item]:visible h2 a').nth(1)
  const title = (await second.innerText()).trim()
  const [popup] = await Promise.all([page.waitForEvent('popup'), second.click()])
  await popup.waitForLoadState()
  expect(new URL(popup.url()).origin).toBe(new URL(baseURL!).origin)
  expect(popup.url()).toMatch(/\/scripts\/[a-z0-9-]+$/)
  await expect(popup.getByRole('heading', { level: 1 })).toHaveText(title)
  expect(page.url()).toBe(`${allowed.origin}/`)
  await popup.close()
})

test('a site that is not allowed cannot frame widgets, nor anyone the portal pages', async ({
  page,
  baseURL,
}) => {
  const portalOrigin = new URL(baseURL!).origin
  blocked.setHtml(
    `${hostPage(baseURL!, '/embed/scripts')}<iframe id="portal" src="${portalOrigin}/scripts"></iframe>`,
  )
  await page.goto(blocked.origin)
  await expect(page.locator('#slot iframe')).toHaveCount(1)
  await expect
    .poll(() => page.frames().filter((f) => f.url().startsWith('chrome-error://')).length)
    .toBe(2)
  const framed = page.frames().filter((f) => f !== page.mainFrame())
  for (const frame of framed) {
    expect(await frame.locator('[data-embed-root], .site-header').count()).toBe(0)
  }

  // The allowed site may frame widgets but not the portal pages themselves.
  allowed.setHtml(`<!doctype html><iframe id="portal" src="${portalOrigin}/scripts"></iframe>`)
  await page.goto(allowed.origin)
  await expect
    .poll(() => page.frames().filter((f) => f.url().startsWith('chrome-error://')).length)
    .toBe(1)
})

test('widget options and the single-resource widgets render without a host', async ({ page }) => {
  await page.goto('/embed/cases?layout=grid&theme=dark&accent=%232f7d4f&count=4')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('[data-embed-item]:visible')).toHaveCount(4)
  await expect(page.locator('header, nav.site-nav, footer.site-footer')).toHaveCount(1)
  await snap(page, 'cases-grid-dark', 'embed')

  await page.goto('/embed/scripts?count=-4&accent=C33&layout=sideways')
  await expect(page.locator('[data-embed-item]:visible')).toHaveCount(1)
  await expect(page.locator('html')).not.toHaveAttribute('data-layout', /./)
  expect(
    await page
      .locator('html')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--accent').trim()),
  ).toBe('#cc3333')
  await page.goto('/embed/scripts')
  await expect(page.locator('[data-embed-item]:visible')).toHaveCount(6)
  await page.goto('/embed/topics/yifeng-yisu?count=3')
  await expect(page.locator('[data-embed-item]:visible')).toHaveCount(3)
  await page.goto('/embed/orgs/liuxi?kind=videos&count=99')
  const kinds = await page.locator('[data-embed-item]:visible .embed-kind').allInnerTexts()
  expect(kinds.length).toBeGreaterThan(0)
  expect(new Set(kinds)).toEqual(new Set(['视频']))
  await page.goto('/embed/scripts?format=bandeng&count=12&theme=nonsense&accent=javascript:x')
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./)
  const facts = await page.locator('[data-embed-item] .embed-facts li:first-child').allInnerTexts()
  expect(facts.length).toBeGreaterThan(0)
  expect(new Set(facts)).toEqual(new Set(['板凳课堂']))

  // Bad parameters are ignored or answered with 404, never a server error.
  for (const bad of [
    '/embed/scripts/%E4%B8%AD%E6%96%87',
    '/embed/scripts/%ZZ',
    '/embed/topics/%ZZ',
    '/embed/nope',
    '/embed/orgs/liuxi?kind=zzz&format=%00&dialect=',
    '/embed/filtered/a/b/c?format=x',
    '/embed/topics/no-such-topic?format=bandeng',
    '/embed/scripts?count=1e9&layout[]=x&accent=%23%23',
  ]) {
    expect((await page.request.get(bad)).status(), bad).toBeLessThan(500)
  }

  const video = publishedDemo('videos')[0]
  await page.goto(`/embed/videos/${video.slug}`)
  const player = page.locator('video.embed-player')
  await expect(player).toBeVisible()
  await expect(player.locator('track[kind="subtitles"]')).toHaveAttribute('srclang', 'zh-CN')
  await snap(page, 'video-widget', 'embed')
  const draft = draftDemo('videos')[0]
  expect((await page.goto(`/embed/videos/${draft.slug}`))!.status()).toBe(404)
})

test('every detail and list page offers the embed codes with a live preview', async ({
  page,
  baseURL,
}) => {
  const script = publishedDemo('scripts')[0]
  await page.goto(`/scripts/${script.slug}`)
  const oembed = page.locator('link[rel="alternate"][type="application/json+oembed"]')
  await expect(oembed).toHaveAttribute('href', `${baseURL}/oembed/scripts/${script.slug}.json`)
  const json = await (await page.request.get((await oembed.getAttribute('href'))!)).json()
  expect(json).toMatchObject({ type: 'rich', version: '1.0', title: script.title })
  await page.getByText('嵌入本站').click()
  const loader = page.locator('[data-embed-code="loader"]')
  await expect(loader).toHaveValue(
    `<div data-practice-hub-embed="/embed/scripts/${script.slug}" data-title="${script.title}"></div>\n<script src="${baseURL}/embed.js" async></script>`,
  )
  await expect(page.locator('[data-embed-code="oembed"]')).toHaveValue(
    `${baseURL}/api/oembed?url=${encodeURIComponent(`${baseURL}/scripts/${script.slug}`)}&format=json`,
  )
  await expect(
    page.frameLocator('iframe.embed-preview').getByRole('link', { name: script.title }),
  ).toBeVisible()
  // The system clipboard of a headless browser shared by two workers is not reliable: record
  // what the button hands to the Clipboard API instead.
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: (text: string) => {
          ;(window as unknown as { copied: string }).copied = text
          return Promise.resolve()
        },
      },
    })
  })
  // The button says 已复制 for two seconds: record that it did rather than race a loaded CPU.
  await page.evaluate(() => {
    const button = document.querySelector('[data-copy="iframe"]')!
    new MutationObserver(() => {
      if (button.textContent === '已复制') (window as unknown as { saw: boolean }).saw = true
    }).observe(button, { childList: true, characterData: true, subtree: true })
  })
  await page.locator('[data-copy="iframe"]').click()
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { saw?: boolean }).saw))
    .toBe(true)
  expect(await page.evaluate(() => (window as unknown as { copied: string }).copied)).toBe(
    await page.locator('[data-embed-code="iframe"]').inputValue(),
  )
  expect(await page.locator('[data-embed-code="iframe"]').inputValue()).toContain(
    `<iframe src="${baseURL}/embed/scripts/${script.slug}"`,
  )
  await page.locator('.embed-panel').scrollIntoViewIfNeeded()
  await snap(page, 'script-embed-panel', 'embed')

  for (const path of ['/videos', '/topics/yifeng-yisu', '/orgs/liuxi']) {
    await page.goto(path)
    await page.getByText('嵌入本站').click()
    const src = await page.locator('iframe.embed-preview').getAttribute('src')
    expect(src).toBe(`/embed${path}`)
    await expect(
      page.frameLocator('iframe.embed-preview').locator('[data-embed-item]').first(),
    ).toBeVisible()
  }
})
