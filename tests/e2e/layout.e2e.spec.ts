import { expect, test, type Browser } from '@playwright/test'

import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { publishedDemo } from '../helpers/demo'
import { hydratingLast } from '../helpers/hydration'
import { layoutProblems } from '../helpers/layout'
import { adminHeaders, STATIC_ROOT, waitForStaticPublisher } from '../helpers/staticSite'
import { serveStatic } from '../helpers/staticServer'

/**
 * Every route kind on a phone, 360 and 390 px wide, live and in the static copy: nothing wider
 * than the screen (`scrollWidth` ≤ `clientWidth`) and no control a finger aims at under 44 px.
 */

/** The user agent of WeChat's in-app browser on Android (X5 / XWEB). */
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 12; V2118A Build/SP1A.210812.003; wv) AppleWebKit/537.36 ' +
  '(KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5235 ' +
  'MMWEBSDK/20230805 MMWEBID/2190 MicroMessenger/8.0.42.2460(0x28002A3B) WeChat/arm64 ' +
  'Weixin NetType/4G Language/zh_CN ABI/arm64'

const slug = (kind: (typeof RESOURCE_KINDS)[number]) => publishedDemo(kind)[0].slug

const LIVE = [
  '/',
  ...RESOURCE_KINDS.map((kind) => `/${kind}`),
  '/scripts?page=2',
  '/scripts?format=bandeng&audience=elderly',
  '/videos?dialect=lanchuan',
  `/search?q=${encodeURIComponent('老年人 防诈骗')}`,
  `/search?q=${encodeURIComponent('彩礼')}`,
  `/search?q=${encodeURIComponent('村')}`,
  '/search?q=cl',
  '/topics',
  '/topics/yifeng-yisu',
  '/orgs',
  '/orgs/liuxi',
  '/orgs/xinghua',
  ...RESOURCE_KINDS.map((kind) => `/${kind}/${slug(kind)}`),
  '/embed/scripts',
  `/embed/scripts/${slug('scripts')}`,
  `/embed/videos/${slug('videos')}`,
  '/embed/scripts?format=bandeng',
  '/embed/topics/yifeng-yisu',
  '/embed/orgs/liuxi',
  '/no-such-page',
]

const STATIC = [
  '/',
  ...RESOURCE_KINDS.map((kind) => `/${kind}/`),
  '/scripts/page/2/',
  `/search/?q=${encodeURIComponent('彩礼')}`,
  '/search/?q=cl',
  '/topics/',
  '/topics/yifeng-yisu/',
  '/orgs/',
  '/orgs/liuxi/',
  ...RESOURCE_KINDS.map((kind) => `/${kind}/${slug(kind)}/`),
  '/embed/scripts/',
  `/embed/scripts/${slug('scripts')}/`,
]

const PHONE_360 = {
  viewport: { width: 360, height: 800 },
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
}

async function measure(browser: Browser, origin: string, paths: string[], label: string) {
  const found: string[] = []
  for (const width of [360, 390]) {
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      // At 360 px, as WeChat's in-app browser: pages must not depend on the user agent.
      userAgent: width === 360 ? WECHAT_UA : undefined,
    })
    const page = await context.newPage()
    for (const path of paths) {
      const response = await page.goto(`${origin}${path}`)
      expect(response?.status(), path).toBeLessThan(500)
      await page.waitForLoadState('load')
      // The static copy's search page shows its results once its script has them: measure those.
      await expect(page.locator('[data-static-pending]'), path).toHaveCount(0)
      for (const problem of await layoutProblems(page)) {
        found.push(`${label} ${width}px ${path}: ${problem.what} — ${problem.detail}`)
      }
      if (width === 360 && /^\/search/.test(path) && path.includes('%E5%BD%A9')) {
        await page.screenshot({ path: `tests/artifacts/layout-${label}-search-360.png` })
      }
    }
    await context.close()
  }
  return found
}

test.describe('phone layout', () => {
  test.skip(({ isMobile }) => !isMobile, 'phone sizes only')

  test('every live route kind fits 360 and 390 px with 44 px tap targets', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000)
    expect(await measure(browser, baseURL!, LIVE, 'live')).toEqual([])
  })

  test('every live route kind hydrates without a mismatch, also when its scripts run first', async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000)
    // Our plain scripts (orders.js, offline.js) draw into elements React also renders: on a slow
    // phone they run first, and a mismatch would make React draw the page again in the browser.
    // No service worker: requests it answers would pass the held chunks by.
    const context = await browser.newContext({
      ...PHONE_360,
      viewport: { width: 390, height: 844 },
      baseURL,
      serviceWorkers: 'block',
    })
    const page = await context.newPage()
    const { visit, errors } = await hydratingLast(page)
    const paths = [
      ...LIVE,
      '/lecturers',
      '/lecturers/yang-xiufen',
      `/orders?resource=scripts/${slug('scripts')}&lecturer=yang-xiufen`,
      '/orders/track',
      '/offline',
    ]
    for (const path of paths) await visit(path)
    expect(errors).toEqual([])
    await context.close()
  })

  test('the static copy fits too', async ({ browser, request }) => {
    test.skip(!STATIC_ROOT, 'STATIC_SITE_DIR is set by scripts/test-e2e.sh')
    test.setTimeout(180_000)
    await waitForStaticPublisher(request, await adminHeaders(request))
    const server = await serveStatic(STATIC_ROOT as string)
    try {
      expect(await measure(browser, server.origin, STATIC, 'static')).toEqual([])
      // Facets need the server: the copy has no 筛选 control that would open nothing.
      const page = await browser.newPage()
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent('彩礼')}`)
      await expect(page.locator('.hit').first()).toBeVisible()
      await expect(page.locator('.facets-panel')).toHaveCount(0)
      // The exported results (every resource) never flash before the query's own replace them.
      const shifted = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & {
                value: number
                hadRecentInput: boolean
              })[]) {
                if (!entry.hadRecentInput) total += entry.value
              }
            }).observe({ type: 'layout-shift', buffered: true })
            setTimeout(() => resolve(total), 500)
          }),
      )
      expect(shifted, '累计布局偏移 CLS').toBeLessThan(0.1)
      // Suggestions in the copy come from its static index.
      await page.goto(`${server.origin}/`)
      await page
        .getByRole('combobox', { name: '找宣讲稿、视频、教材和案例' })
        .pressSequentially('ljfl', {
          delay: 80,
        })
      await expect(
        page.getByRole('listbox', { name: '搜索建议' }).getByRole('option').first(),
      ).toContainText('垃圾')
      await page.close()
    } finally {
      await server.close()
    }
  })

  test('the search facets fold behind 筛选 on a phone and open on a tap', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('村')}`)
    const facets = page.locator('.facets')
    await expect(facets).toBeHidden()
    await page.getByText('筛选', { exact: true }).click()
    await expect(facets).toBeVisible()
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width)
    await page.locator('.facets').getByRole('link').first().click()
    await expect(page).toHaveURL(/[?&](kind|topic|org|format|audience|dialect|duration)=/)
    await expect(page.getByText(/筛选（已选 1 项）/)).toBeVisible()
  })

  test('a search box on the home page and in every header, also pinyin', async ({ page }) => {
    await page.goto('/')
    await page.getByLabel('找宣讲稿、视频、教材和案例').fill('cl')
    await page.getByLabel('找宣讲稿、视频、教材和案例').press('Enter')
    await expect(page).toHaveURL(/\/search\?q=cl/)
    await expect(page.locator('.hit').first()).toContainText('彩礼')
    await page.goto(`/scripts/${slug('scripts')}`)
    await page.getByRole('combobox', { name: '搜索全站' }).fill('ljfl')
    await page.getByRole('button', { name: '搜索全站' }).click()
    await expect(page).toHaveURL(/\/search\?q=ljfl/)
    await expect(page.locator('.hit').first()).toContainText('垃圾')
  })

  test('suggestions appear as the reader types, in pinyin too, and open a title', async ({
    page,
  }) => {
    await page.goto(`/scripts/${slug('scripts')}`)
    const box = page.getByRole('combobox', { name: '搜索全站' })
    await box.pressSequentially('cl', { delay: 80 })
    const options = page.getByRole('listbox', { name: '搜索建议' }).getByRole('option')
    await expect(options.first()).toContainText('彩礼')
    await expect(box).toHaveAttribute('aria-expanded', 'true')
    expect(await layoutProblems(page)).toEqual([])
    await page.screenshot({ path: 'tests/artifacts/layout-suggestions-390.png' })
    await box.press('ArrowDown')
    await box.press('Enter')
    await expect(page).toHaveURL(/\/(scripts|videos|textbooks|cases)\/[a-z0-9-]+$/)
    await expect(page.locator('h1')).toContainText('彩礼')
  })

  test('an in-app browser without service workers or caches reads everything, offers no saving', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ ...PHONE_360, userAgent: WECHAT_UA })
    await context.addInitScript(() => {
      // Older in-app browsers: no service workers, no Cache API.
      Object.defineProperty(navigator, 'serviceWorker', { value: undefined })
      Object.defineProperty(window, 'caches', { value: undefined })
    })
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${baseURL}/scripts/${slug('scripts')}`)
    await expect(page.locator('h1')).toHaveText(publishedDemo('scripts')[0].title)
    await expect(page.getByRole('button', { name: '大字阅读' })).toBeVisible()
    await expect(page.locator('[data-offline-save]')).toHaveCount(0)
    await page.goto(`${baseURL}/offline`)
    await expect(page.locator('[data-offline-empty]')).toBeVisible()
    expect(errors).toEqual([])
    await context.close()
  })
})
