import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { staticPolicy } from '../../src/lib/csp'
import { MANIFEST_FILE, type Manifest } from '../../src/lib/staticSite/manifest'
import { exportSite } from '../../src/lib/staticSite/exportSite'
import { listSiteFiles } from '../../src/lib/staticSite/site'
import { publishedDemo } from '../helpers/demo'
import { startNginx } from '../helpers/nginx'
import { snap } from '../helpers/snap'
import {
  adminHeaders,
  createScript,
  differingFiles,
  manifestAt,
  snapshot,
  waitForStaticPublisher,
} from '../helpers/staticSite'
import { crawl } from '../helpers/staticServer'

/**
 * Static publishing as in production (scripts/test-e2e.sh sets STATIC_SITE_DIR for the app):
 * edits change exactly their files, the result equals a fresh full export byte for byte, nginx
 * serves it with no broken link, and a killed run leaves whole files and is simply repeated.
 */
test.describe.configure({ mode: 'serial' })

const root = process.env.STATIC_SITE_DIR as string
const publicUrl = process.env.STATIC_PUBLIC_URL as string
const nginxPort = Number(new URL(publicUrl ?? 'http://127.0.0.1:3107').port)

test.skip(
  !root || !publicUrl,
  'STATIC_SITE_DIR and STATIC_PUBLIC_URL are set by scripts/test-e2e.sh',
)

function changedKeys(before: Manifest, after: Manifest): string[] {
  const keys = new Set([...Object.keys(before.files), ...Object.keys(after.files)])
  return [...keys].filter((key) => before.files[key]?.hash !== after.files[key]?.hash).sort()
}

type Breadcrumbed = { slug: string; breadcrumbs?: { url?: string | null }[] | null }
const lineage = (doc: Breadcrumbed): string[] =>
  (doc.breadcrumbs ?? []).map(
    (crumb) =>
      String(crumb.url ?? '')
        .split('/')
        .pop() as string,
  )

test('edits publish only their files, and the site equals a fresh export', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(600_000)
  const headers = await adminHeaders(request)
  await waitForStaticPublisher(request, headers)
  const initial = manifestAt(root)
  expect(Object.keys(initial.files).length).toBeGreaterThan(200)

  // 1. A published script gets a new title: its own files and the pages listing it change.
  const demo = publishedDemo('scripts')[1]
  const found = await (
    await request.get(`/api/scripts?where[slug][equals]=${demo.slug}&depth=1`, { headers })
  ).json()
  const script = found.docs[0]
  const title = `${demo.title}（修订）`
  const started = Date.now()
  expect(
    (await request.patch(`/api/scripts/${script.id}`, { headers, data: { title } })).status(),
  ).toBe(200)
  const detailFile = path.join(root, 'scripts', demo.slug, 'index.html')
  await expect
    .poll(() => readFileSync(detailFile, 'utf8').includes(title), {
      timeout: 60_000,
      intervals: [50],
    })
    .toBe(true)
  console.log(`[measure] publish → static file on disk: ${Date.now() - started} ms`)
  await waitForStaticPublisher(request, headers)
  const edited = manifestAt(root)
  const changed = changedKeys(initial, edited)

  const topics = (script.topics as Breadcrumbed[]).flatMap(lineage)
  const orgs = lineage(script.org as Breadcrumbed)
  const scopes = [
    '',
    '/scripts',
    ...topics.map((slug) => `/topic/${slug}`),
    ...orgs.map((slug) => `/org/${slug}`),
  ]
  const allowed = new Set([
    `/scripts/${demo.slug}/`,
    `/scripts/${demo.slug}/script.docx`,
    `/embed/scripts/${demo.slug}/`,
    `/oembed/scripts/${demo.slug}.json`,
    '/',
    '/search/',
    '/sitemap.xml',
    '/scripts/',
    '/embed/scripts/',
    ...topics.flatMap((slug) => [`/topics/${slug}/`, `/embed/topics/${slug}/`]),
    ...orgs.flatMap((slug) => [`/orgs/${slug}/`, `/embed/orgs/${slug}/`]),
    ...scopes.flatMap((scope) =>
      ['rss.xml', 'atom.xml', 'feed.json'].map((format) => `/feeds${scope}/${format}`),
    ),
  ])
  const unexpected = changed.filter((key) => {
    if (allowed.has(key) || key.startsWith('/search-index/')) return false
    if (/^\/scripts\/page\/\d+\/$/.test(key)) return false
    // Another resource's page may change only because it lists this one as related.
    if (/^\/(scripts|videos|textbooks|cases)\/[^/]+\/$/.test(key)) {
      return !readFileSync(path.join(root, key, 'index.html'), 'utf8').includes(
        `/scripts/${demo.slug}/`,
      )
    }
    return true
  })
  expect(unexpected).toEqual([])
  // The search index: the shards of the words that came with the new title, the script's display
  // chunk and the manifest; not the whole index.
  const indexFiles = Object.keys(edited.files).filter((key) => key.startsWith('/search-index/'))
  const indexChanged = changed.filter((key) => key.startsWith('/search-index/'))
  expect(indexChanged).toContain('/search-index/manifest.json')
  expect(indexChanged.some((key) => key.startsWith('/search-index/docs/'))).toBe(true)
  expect(indexChanged.length).toBeLessThan(indexFiles.length / 10)
  expect(changed).toContain(`/scripts/${demo.slug}/`)
  expect(changed).toContain('/')
  // Most of the site did not change: other resources' pages were not rewritten.
  const otherDetails = Object.keys(edited.files).filter(
    (key) => /^\/cases\/[^/]+\/$/.test(key) && !changed.includes(key),
  )
  expect(otherDetails.length).toBeGreaterThan(5)

  // 2. A case is withdrawn, a new script is published, a textbook is deleted.
  const caseDemo = publishedDemo('cases')[2]
  const caseDoc = (
    await (await request.get(`/api/cases?where[slug][equals]=${caseDemo.slug}`, { headers })).json()
  ).docs[0]
  expect(
    (
      await request.patch(`/api/cases/${caseDoc.id}`, { headers, data: { _status: 'draft' } })
    ).status(),
  ).toBe(200)
  const slug = `static-e2e-${Date.now().toString(36)}`
  const createdId = await createScript(request, headers, {
    title: `静态发布新稿${slug.slice(-5)}`,
    slug,
    summary: '新发布的宣讲稿应当出现在静态站的列表、专题和搜索索引里。',
    org: (script.org as { id: number }).id,
    topics: (script.topics as { id: number }[]).map((topic) => topic.id),
    format: 'bandeng',
    durationMinutes: 6,
    paragraphs: ['各位乡亲，今天说说静态站是怎么更新的。'],
    _status: 'draft',
  })
  expect(
    (
      await request.patch(`/api/scripts/${createdId}`, { headers, data: { _status: 'published' } })
    ).status(),
  ).toBe(200)
  const textbook = publishedDemo('textbooks')[0]
  const textbookDoc = (
    await (
      await request.get(`/api/textbooks?where[slug][equals]=${textbook.slug}`, { headers })
    ).json()
  ).docs[0]
  expect((await request.delete(`/api/textbooks/${textbookDoc.id}`, { headers })).status()).toBe(200)
  await waitForStaticPublisher(request, headers)

  const final = manifestAt(root)
  expect(final.files[`/scripts/${slug}/`]).toBeDefined()
  for (const gone of [`/cases/${caseDemo.slug}/`, `/textbooks/${textbook.slug}/`]) {
    expect(final.files[gone], gone).toBeUndefined()
    const linking = Object.entries(final.files)
      .filter(([, entry]) => entry.links?.includes(gone))
      .map(([key]) => key)
    expect(linking, `仍链接到 ${gone}`).toEqual([])
  }
  const siteText = (await listSiteFiles(root))
    .filter((file) => /\.(html|xml|json)$/.test(file) && !file.startsWith('/search-index/'))
    .map((file) => readFileSync(path.join(root, file), 'utf8'))
    .join('\n')
  expect(siteText).not.toContain(`/cases/${caseDemo.slug}/`)
  expect(siteText).not.toContain(caseDemo.title)
  expect(siteText).toContain(`/scripts/${slug}/`)

  // 3. Incremental equals full: a fresh export of the same content, byte for byte.
  const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'practice-hub-fresh-')), 'site')
  try {
    await exportSite({ origin: baseURL!, outDir: fresh, siteUrl: process.env.SITE_URL, publicUrl })
    const [incremental, full] = await Promise.all([snapshot(root), snapshot(fresh)])
    expect(differingFiles(incremental, full)).toEqual([])
    expect(Object.keys(incremental).length).toBeGreaterThan(500)
    expect(readFileSync(path.join(root, MANIFEST_FILE), 'utf8')).toBe(
      readFileSync(path.join(fresh, MANIFEST_FILE), 'utf8'),
    )
  } finally {
    rmSync(path.dirname(fresh), { recursive: true, force: true })
  }
})

test('nginx serves the static folder: full crawl, precompressed files, types and caching', async () => {
  test.setTimeout(180_000)
  const nginx = await startNginx(root, nginxPort, new URL(process.env.SITE_URL as string).host)
  try {
    const { origin } = nginx
    const { ok, broken } = await crawl([`${origin}/`, `${origin}/robots.txt`])
    expect(broken).toEqual([])
    expect(ok.length).toBeGreaterThan(200)

    const home = await fetch(`${origin}/`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(home.headers.get('content-encoding')).toBe('gzip')
    expect(home.headers.get('cache-control')).toBe('public, max-age=60')
    expect(home.headers.get('content-security-policy')).toBe(staticPolicy("'self'"))
    expect(home.headers.get('x-content-type-options')).toBe('nosniff')
    expect(home.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(await home.text()).toContain('岚川县文明实践资源库')

    const asset = ok.find((url) => url.includes('/_next/static/')) as string
    expect((await fetch(asset)).headers.get('cache-control')).toContain('immutable')
    const rss = await fetch(`${origin}/feeds/rss.xml`)
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    const json = await fetch(`${origin}/feeds/feed.json`)
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    const missing = await fetch(`${origin}/scripts/no-such-script/`)
    expect(missing.status).toBe(404)
    // The portal's not-found page, whole without scripts (the export strips Next.js's).
    const notFound = await missing.text()
    expect(notFound).toContain('<h1>没有找到这个页面</h1>')
    expect(notFound).toMatch(/<html lang="zh-CN">/)
    expect(notFound).toContain('</html>')
    const hidden = await fetch(`${origin}/${MANIFEST_FILE}`)
    expect(hidden.status).toBe(404)
  } finally {
    nginx.stop()
  }
})

test('the static copy takes orders: its form posts to the app through nginx, and the link tracks it', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const nginx = await startNginx(root, nginxPort, new URL(process.env.SITE_URL as string).host)
  try {
    const { origin } = nginx
    const form = await fetch(`${origin}/orders/`)
    expect(form.status).toBe(200)
    const html = await form.text()
    // Plain HTML and our own script: Next.js's runtime is not in the copy.
    expect(html).toContain('src="/orders.js"')
    expect(html).not.toMatch(/<script[^>]*src="[^"]*\/_next\//)
    expect((await fetch(`${origin}/orders.js`)).status).toBe(200)

    await page.goto(`${origin}/orders/?resource=scripts/caili-qing-qingfen-zhong`)
    const orderForm = page.getByTestId('order-form')
    await expect(page.getByTestId('order-resource')).toContainText('彩礼')
    await orderForm.getByRole('button', { name: '提交点单' }).click()
    await expect(orderForm.getByRole('alert')).toContainText('手机号码：请填写手机号码')
    const phone = `137${String(Date.now()).slice(-8)}`
    await orderForm.getByLabel('姓名').fill('赵春梅')
    await orderForm.getByLabel('手机号码').fill(phone)
    await orderForm.getByLabel('所在村（社区）').selectOption({ label: '上岭村新时代文明实践站' })
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 6 * 86_400_000),
    )
    await orderForm.getByLabel('第一希望').fill(day)
    await orderForm.getByLabel('听众').selectOption({ label: '妇女' })
    await orderForm.getByLabel('大约人数').fill('20')
    // Hostile markup in the resident's words stays text on every page that shows it.
    const hostile = '<img src=x onerror="window.__owned=1">讲讲<b>防骗</b>'
    await orderForm.getByLabel('还想补充的内容（可不填）').fill(hostile)
    await orderForm.getByRole('button', { name: '提交点单' }).click()
    await expect(page.getByTestId('order-number')).toHaveText(/^DD\d{8}-[2-9A-HJ-NP-Z]{5}$/)
    const link = page.getByTestId('tracking-link')
    await expect(link).toHaveText(new RegExp(`^${origin}/orders/track#[A-Za-z0-9_-]{32}$`))
    await link.click()
    await expect(page.getByTestId('order-status')).toHaveText('待派单')
    await expect(page.getByTestId('order-track')).toContainText('彩礼轻一点')
    await expect(page.getByTestId('order-track')).toContainText(hostile)
    expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined()
    await expect(
      page.locator('[data-testid="order-track"] img, [data-testid="order-track"] b'),
    ).toHaveCount(0)
    await expect(page.locator('body')).not.toContainText(phone)
  } finally {
    nginx.stop()
  }
})

test('a killed republish leaves every file whole, and the next run completes it', async ({
  request,
}) => {
  test.setTimeout(300_000)
  const headers = await adminHeaders(request)
  await waitForStaticPublisher(request, headers)
  // A copy of the site from before an edit; the app brings the real one up to date.
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'practice-hub-killed-')), 'site')
  cpSync(root, copy, { recursive: true })
  const old = await snapshot(copy)
  const demo = publishedDemo('videos')[0]
  const video = (
    await (await request.get(`/api/videos?where[slug][equals]=${demo.slug}`, { headers })).json()
  ).docs[0]
  expect(
    (
      await request.patch(`/api/videos/${video.id}`, {
        headers,
        data: { title: `${demo.title}（重播）` },
      })
    ).status(),
  ).toBe(200)
  await waitForStaticPublisher(request, headers)
  const current = await snapshot(root)

  const env = { ...process.env, STATIC_SITE_DIR: copy, STATIC_PROGRESS_EVERY: '0' }
  try {
    // Killed (SIGKILL, no clean-up) once it has written part of the site.
    // One node process (tsx as a loader, no wrapper that would outlive a kill), in its own group.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/static-publish.ts', '--all'],
      {
        env: { ...env, NODE_OPTIONS: '--no-deprecation --conditions=production' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    )
    let lines = 0
    let killed = false
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').filter(Boolean).length
        if (lines >= 40 && !killed) {
          killed = true
          process.kill(-(child.pid as number), 'SIGKILL')
          resolve()
        }
      })
      child.on('exit', () => resolve())
    })
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => child.once('exit', resolve))
    }
    expect(lines, '发布过程在被终止前应已开始').toBeGreaterThanOrEqual(40)

    // Every file is either its old or its new version: nothing half-written, nothing lost.
    const afterKill = await snapshot(copy)
    const torn = Object.keys(afterKill).filter(
      (file) => afterKill[file] !== old[file] && afterKill[file] !== current[file],
    )
    expect(torn).toEqual([])
    expect(Object.keys(old).filter((file) => !afterKill[file] && current[file])).toEqual([])

    // The next run finishes: the copy now equals the app's site.
    const rerun = spawnSync('npx', ['tsx', 'scripts/static-publish.ts', '--all'], {
      env: { ...env, NODE_OPTIONS: '--no-deprecation --conditions=production' },
      encoding: 'utf8',
    })
    expect(rerun.status, rerun.stderr).toBe(0)
    expect(await snapshot(copy)).toEqual(current)
  } finally {
    rmSync(path.dirname(copy), { recursive: true, force: true })
  }
})

test('the document sidebar shows where it stands on the static site', async ({ page, request }) => {
  const headers = await adminHeaders(request)
  await waitForStaticPublisher(request, headers)
  const demo = publishedDemo('scripts')[1]
  const found = await (
    await request.get(`/api/scripts?where[slug][equals]=${demo.slug}&depth=0`, { headers })
  ).json()
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill('admin@lanchuan.example')
  await page.getByLabel('密码').fill('lanchuan2026')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).not.toHaveURL(/\/admin\/login/)
  await page.goto(`/admin/collections/scripts/${found.docs[0].id}`)
  const state = page.getByTestId('static-publish-state')
  await expect(state).toHaveAttribute('data-state', 'published')
  await expect(state).toContainText('已发布到静态站')
  await expect(state).toContainText(/更新 \d+ 个文件/)
  await snap(page, 'admin-static-publish-state', 'static')
})
