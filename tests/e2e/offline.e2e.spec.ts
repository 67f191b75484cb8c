import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test, type Browser, type Page } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexicalDocument'
import { exportSite } from '../../src/lib/staticSite/exportSite'
import { adminHeaders, waitForStaticPublisher, type AdminHeaders } from '../helpers/staticSite'
import { serveStatic } from '../helpers/staticServer'

/**
 * The lecturer's phone in a village hall: 保存到手机 on a script and a case, no signal, the saved
 * pages open from 我的离线稿件 with their text, pictures and Word file; back online after the script
 * was withdrawn, it leaves the phone. Live and in the static copy under a base path. Alone in its
 * project: it publishes and withdraws a script of its own.
 */
test.describe.configure({ mode: 'serial' })

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const mark = Date.now().toString(36).slice(-6)
const script = {
  slug: `lixian-${mark}`,
  title: `离线宣讲稿${mark}`,
  paragraph: '村口的大喇叭响了三遍，乡亲们搬着板凳来了。',
}
const CASE = { slug: 'c-bandeng-ketang', title: '「板凳课堂」：讲到老人家门口' }

let headers: AdminHeaders
let scriptId: number | string

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL })
  headers = await adminHeaders(api)
  const org = (await (await api.get('/api/orgs?where[slug][equals]=xinghua', { headers })).json())
    .docs[0]
  const created = await api.post('/api/scripts', {
    headers,
    data: {
      title: script.title,
      slug: script.slug,
      summary: '没有信号的村礼堂里也要能打开。',
      org: org.id,
      format: 'bandeng',
      durationMinutes: 6,
      body: paragraphsToLexical([script.paragraph]),
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  scriptId = (await created.json()).doc.id
  await api.dispose()
})

test.afterAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL })
  await api.delete(`/api/scripts/${scriptId}`, { headers })
  await waitForStaticPublisher(api, headers).catch(() => undefined)
  await api.dispose()
})

/** Saves the page at `url` with its 保存到手机 button, once the service worker runs it. */
async function saveToPhone(page: Page, url: string) {
  await page.goto(url)
  await page.evaluate(() => navigator.serviceWorker.ready)
  await page.getByRole('button', { name: '保存到手机' }).click()
  await expect(page.getByRole('button', { name: '已保存到手机' })).toBeVisible()
}

/** What the saved cache holds, as paths. */
function savedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('ph-saved')
    return (await cache.keys()).map((request) => new URL(request.url).pathname)
  })
}

async function readOffline(browser: Browser, origin: string, base: string) {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' })
  const page = await context.newPage()
  try {
    await saveToPhone(page, `${origin}${base}/scripts/${script.slug}${base ? '/' : ''}`)
    await saveToPhone(page, `${origin}${base}/cases/${CASE.slug}${base ? '/' : ''}`)
    const offlinePage = `${origin}${base}/offline${base ? '/' : ''}`
    await page.goto(offlinePage)
    const items = page.locator('[data-offline-items] li')
    await expect(items).toHaveCount(2)
    await expect(items.first()).toContainText(CASE.title)

    // Nothing private is ever stored: no admin, REST, GraphQL or preview response.
    const stored = await savedPaths(page)
    for (const stray of stored.filter((p) =>
      /\/(admin|preview)\b|\/api\/(?!media\/file\/)/.test(p),
    )) {
      throw new Error(`不应缓存：${stray}`)
    }

    await context.setOffline(true)
    await page.reload()
    await expect(page.locator('h1')).toHaveText('我的离线稿件')
    await page.getByRole('link', { name: script.title }).click()
    await expect(page.locator('h1')).toHaveText(script.title)
    await expect(page.locator('main')).toContainText(script.paragraph)
    const word = await page.evaluate(async () => {
      const link = document.querySelector<HTMLAnchorElement>('[data-offline-file]')!
      const response = await fetch(link.href)
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength }
    })
    expect(word.status).toBe(200)
    expect(word.bytes).toBeGreaterThan(3000)

    await page.goto(offlinePage)
    await page.getByRole('link', { name: CASE.title }).click()
    await expect(page.locator('h1')).toHaveText(CASE.title)
    const pictures = page.locator('main img')
    expect(await pictures.count()).toBeGreaterThan(0)
    await expect
      .poll(() =>
        pictures.evaluateAll((images) =>
          (images as HTMLImageElement[]).every((img) => img.complete && img.naturalWidth > 0),
        ),
      )
      .toBe(true)
    await page.screenshot({ path: `tests/artifacts/offline-case${base ? '-static' : ''}.png` })

    // A page that was never saved opens 我的离线稿件 instead of the browser's error.
    await page.goto(`${origin}${base}/topics${base ? '/' : ''}`)
    await expect(page.locator('h1')).toHaveText('我的离线稿件')
    await context.setOffline(false)
    return { context, page, offlinePage }
  } catch (error) {
    await context.close()
    throw error
  }
}

test('live: saved pages open offline, a changed one is saved anew, a withdrawn one leaves the phone', async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(120_000)
  const { context, page, offlinePage } = await readOffline(browser, baseURL!, '')
  try {
    // A changed script is saved anew at the next visit with a connection.
    const renamed = `${script.title}（修订）`
    const edit = await request.patch(`/api/scripts/${scriptId}`, {
      headers,
      data: { title: renamed },
    })
    expect(edit.status()).toBe(200)
    await page.goto(offlinePage)
    await expect(page.locator('[data-offline-items]')).toContainText(renamed)
    await context.setOffline(true)
    await page.getByRole('link', { name: renamed }).click()
    await expect(page.locator('h1')).toHaveText(renamed)
    await context.setOffline(false)

    const withdrawn = await request.patch(`/api/scripts/${scriptId}`, {
      headers,
      data: { _status: 'draft' },
    })
    expect(withdrawn.status()).toBe(200)
    await page.goto(offlinePage)
    const items = page.locator('[data-offline-items] li')
    await expect(items).toHaveCount(1)
    await expect(items.first()).toContainText(CASE.title)
    expect((await savedPaths(page)).some((p) => p.includes(script.slug))).toBe(false)
    await page.screenshot({ path: 'tests/artifacts/offline-list.png' })

    // 删除 removes a saved page by hand.
    await page.getByRole('button', { name: `删除《${CASE.title}》` }).click()
    await expect(page.locator('[data-offline-empty]')).toBeVisible()
  } finally {
    await context.close()
  }
  // Published again, under its first title, for the static copy below.
  const back = await request.patch(`/api/scripts/${scriptId}`, {
    headers,
    data: { _status: 'published', title: script.title },
  })
  expect(back.status()).toBe(200)
})

test('the static copy under a base path: installable, and saved pages open offline', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000)
  const root = mkdtempSync(path.join(tmpdir(), 'practice-hub-offline-'))
  const outDir = path.join(root, 'export')
  const server = await serveStatic(outDir, '/portal')
  try {
    await exportSite({
      origin: baseURL!,
      outDir,
      basePath: '/portal',
      siteUrl: process.env.SITE_URL,
      publicUrl: server.origin,
    })
    const manifest = await (await fetch(`${server.origin}/portal/manifest.webmanifest`)).json()
    expect(manifest.start_url).toBe('./')
    for (const icon of manifest.icons as { src: string }[]) {
      expect((await fetch(`${server.origin}/portal/${icon.src}`)).status, icon.src).toBe(200)
    }
    const { context, page } = await readOffline(browser, server.origin, '/portal')
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    )
    expect(scope).toBe(`${server.origin}/portal/`)
    await context.close()
  } finally {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  }
})
