import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'

import { STALE_UPDATE_MESSAGE } from '../../src/hooks/rejectStaleUpdate'
import { paragraphsToLexical } from '../../src/lib/lexicalDocument'
import { exportSite } from '../../src/lib/staticSite/exportSite'
import { MANIFEST_FILE } from '../../src/lib/staticSite/manifest'
import { DEMO_PASSWORD } from '../../src/seed/content/county'
import { recordMessages } from '../helpers/admin'
import {
  type AppServer,
  copyOfBuild,
  isWorkerServer,
  removeCopy,
  startAppServer,
} from '../helpers/cluster'
import { differingFiles, snapshot } from '../helpers/staticSite'

/**
 * Two app servers of one production build on one database (SQLite file or the Mongo-wire server),
 * as a county center runs them behind a load balancer; scripts/test-e2e.sh runs this project on
 * its own (E2E_CLUSTER=1, no other server). Each has its own page cache. What must hold:
 * - exactly one server (the worker lease's holder) writes the static site; killed mid-run, the
 *   other takes over within the lease time and the site ends byte-identical to a full export;
 * - a publish through one server shows through the other (pages, search, feeds) within seconds;
 * - the anonymous API limit counts across both servers;
 * - a scheduled publish runs once, not once per server;
 * - an editor saving over someone's newer save gets the Chinese 409 message, every time;
 * - a server stopped cleanly gives the lease back, so the other takes over without waiting it out.
 */
test.describe.configure({ mode: 'serial' })
test.skip(!process.env.E2E_CLUSTER, 'scripts/test-e2e.sh runs the cluster project on its own')

const basePort = Number(process.env.E2E_PORT ?? 3100) + 10
/** Lease lifetime for these servers: a takeover within 6 s + 1.5 s (the renewal period). */
const LEASE_TTL_MS = 6000
const RATE_LIMIT = 30
/** How long a change through one server may take to show through the other: the feed is polled
 * every second, then the page renders (≈ 0.5–1.5 s on SQLite, up to ≈ 4 s on FerretDB). */
const VISIBLE_WITHIN_MS = 10_000

// Made by the tests, not when the file is loaded: Playwright loads every spec to list its tests
// in each run, and a folder made then was never removed.
const work = path.join(tmpdir(), `practice-hub-cluster-${process.pid}`)
const staticRoot = path.join(work, 'static')
const copies: string[] = []
const servers: Record<'a' | 'b', AppServer | null> = { a: null, b: null }

const serverEnv = {
  STATIC_SITE_DIR: staticRoot,
  JOBS_AUTORUN: '1',
  // Scheduled jobs checked every 2 s instead of every minute, so the test need not wait.
  JOBS_CRON: '*/2 * * * * *',
  WORKER_LEASE_TTL_MS: String(LEASE_TTL_MS),
  // Several servers on one SQLite file: the feed is polled (off by default on SQLite).
  PUBLIC_CHANGES_POLL_MS: '1000',
  PUBLIC_API_RATE_LIMIT: String(RATE_LIMIT),
}

function start(name: 'a' | 'b', ownCopy: boolean): Promise<AppServer> {
  let dir: string | undefined
  if (ownCopy) {
    dir = copyOfBuild()
    copies.push(dir)
  }
  return startAppServer({
    name,
    port: basePort + (name === 'a' ? 0 : 1),
    dir,
    env: serverEnv,
  })
}

const serverA = () => servers.a as AppServer
const serverB = () => servers.b as AppServer

test.beforeAll(() => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
})

test.afterEach(async ({ browserName: _browser }, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return
  for (const server of Object.values(servers)) {
    if (!server) continue
    const tail = server.log.slice(-60).map((line) => line.text)
    console.log(`--- ${server.name} (${server.origin}) ---\n${tail.join('\n')}`)
  }
})

test.afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.stop()))
  for (const dir of copies) removeCopy(dir)
  rmSync(work, { recursive: true, force: true })
})

async function adminToken(server: AppServer): Promise<string> {
  const response = await fetch(`${server.origin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@lanchuan.example', password: DEMO_PASSWORD }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

/**
 * `fetch`, with GETs sent once more when the server closed the kept-alive connection just as it was
 * reused ("other side closed": Node closes idle sockets after 5 s, which is not what is tested).
 */
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (err) {
    const cause = String((err as { cause?: unknown }).cause ?? '')
    const idempotent = (init.method ?? 'GET') === 'GET'
    if (!idempotent || !/other side closed|ECONNRESET/.test(cause)) throw err
    return fetch(url, init)
  }
}

async function api(
  server: AppServer,
  token: string,
  pathname: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await request(`${server.origin}${pathname}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

/** Counts the static site's written pages (files only appear whole: they are renamed in place). */
function pagesWritten(dir: string): number {
  if (!existsSync(dir)) return 0
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.name === 'index.html',
  ).length
}

const page = async (server: AppServer, pathname: string) => {
  const response = await request(`${server.origin}${pathname}`)
  return { status: response.status, text: await response.text() }
}

test('one server writes the static site; killed mid-run, the other takes over and the site equals a full export', async () => {
  test.setTimeout(600_000)
  servers.a = await start('a', false)
  await expect.poll(() => isWorkerServer(serverA()), { timeout: 30_000 }).toBe(true)
  servers.b = await start('b', true)
  expect(await isWorkerServer(serverB())).toBe(false)

  // The worker writes the first full static site (the folder is empty). Kill it part way.
  await expect
    .poll(() => pagesWritten(staticRoot), { timeout: 240_000, intervals: [100] })
    .toBeGreaterThanOrEqual(40)
  expect(existsSync(path.join(staticRoot, MANIFEST_FILE)), '整站发布应尚未完成').toBe(false)
  expect(await isWorkerServer(serverB())).toBe(false)
  const killedAt = Date.now()
  const writtenBeforeKill = pagesWritten(staticRoot)
  await serverA().kill()

  // B takes the lease once it has expired and finishes the interrupted job.
  await expect
    .poll(() => isWorkerServer(serverB()), { timeout: LEASE_TTL_MS * 3, intervals: [200] })
    .toBe(true)
  const takeover = Date.now() - killedAt
  console.log(
    `[measure] takeover after SIGKILL: ${takeover} ms (lease ${LEASE_TTL_MS} ms); ` +
      `${writtenBeforeKill} pages written before the kill`,
  )
  expect(takeover).toBeLessThanOrEqual(LEASE_TTL_MS * 1.25 + 2000)
  const token = await adminToken(serverB())
  await expect
    .poll(
      async () => {
        const state = (await api(serverB(), token, '/api/static-site')).json
        expect(state.failing, '静态发布任务失败').toBe(false)
        return state.pending === 0 && Number(state.files) > 0
      },
      { timeout: 300_000, intervals: [500] },
    )
    .toBe(true)

  // Exactly one writer at a time: B wrote nothing to the static site before A was killed.
  const writes = (server: AppServer) =>
    server.log.filter((line) => line.text.includes('静态站已更新')).map((line) => line.at)
  expect(writes(serverB()).length).toBeGreaterThan(0)
  expect(writes(serverB()).every((at) => at > killedAt)).toBe(true)
  expect(writes(serverA())).toEqual([])

  // Nothing lost: byte for byte what a full export of the same content gives.
  const fresh = path.join(work, 'fresh')
  await exportSite({
    origin: serverB().origin,
    outDir: fresh,
    siteUrl: process.env.SITE_URL,
    publicUrl: process.env.STATIC_PUBLIC_URL,
  })
  const [published, full] = await Promise.all([snapshot(staticRoot), snapshot(fresh)])
  expect(differingFiles(published, full)).toEqual([])
  expect(Object.keys(published).length).toBeGreaterThan(500)

  // A comes back as the second server.
  servers.a = await start('a', false)
  expect(await isWorkerServer(serverA())).toBe(false)
})

test('a publish through one server shows through the other: pages, lists, search and feeds', async () => {
  test.setTimeout(180_000)
  const tokenA = await adminToken(serverA())
  const tokenB = await adminToken(serverB())
  // The newest public script (earlier projects changed and added some): it is on the first page
  // of the list, whatever the projects before this one left in the database.
  const found = await api(
    serverB(),
    tokenB,
    '/api/scripts?where[_status][equals]=published&sort=-publishedAt&limit=1&depth=0',
  )
  const demo = (found.json.docs as { id: number | string; slug: string; title: string }[])[0]
  const id = demo.id
  const word = '互通验证'
  const title = `${demo.title}${word}`
  const surfaces = [
    `/scripts/${demo.slug}`,
    '/scripts',
    `/search?q=${encodeURIComponent(word)}`,
    '/feeds/rss.xml',
  ]
  // B has every surface cached (rendered once, then served from its cache).
  for (const surface of surfaces) {
    await page(serverB(), surface)
    const cached = await page(serverB(), surface)
    expect(cached.text, surface).not.toContain(title)
  }

  const edited = await api(serverA(), tokenA, `/api/scripts/${id}`, {
    method: 'PATCH',
    body: { title },
  })
  expect(edited.status).toBe(200)
  const changedAt = Date.now()
  for (const surface of surfaces) {
    await expect
      .poll(async () => (await page(serverB(), surface)).text.includes(title), {
        timeout: VISIBLE_WITHIN_MS,
        intervals: [100],
      })
      .toBe(true)
  }
  console.log(`[measure] edit through A visible through B after ${Date.now() - changedAt} ms`)

  // Withdrawn through B: gone from A's pages at once.
  const withdrawn = await api(serverB(), tokenB, `/api/scripts/${id}`, {
    method: 'PATCH',
    body: { _status: 'draft' },
  })
  expect(withdrawn.status).toBe(200)
  const withdrawnAt = Date.now()
  await expect
    .poll(async () => (await page(serverA(), `/scripts/${demo.slug}`)).status, {
      timeout: VISIBLE_WITHIN_MS,
      intervals: [100],
    })
    .toBe(404)
  for (const surface of surfaces.slice(1)) {
    await expect
      .poll(async () => (await page(serverA(), surface)).text.includes(title), {
        timeout: VISIBLE_WITHIN_MS,
        intervals: [100],
      })
      .toBe(false)
  }
  console.log(`[measure] withdrawal through B gone from A after ${Date.now() - withdrawnAt} ms`)

  // The worker (B) followed both changes on the static site.
  await expect
    .poll(() => existsSync(path.join(staticRoot, 'scripts', demo.slug, 'index.html')), {
      timeout: 60_000,
    })
    .toBe(false)
  const republished = await api(serverA(), tokenA, `/api/scripts/${id}`, {
    method: 'PATCH',
    body: { title: demo.title, _status: 'published' },
  })
  expect(republished.status).toBe(200)
  await expect
    .poll(async () => (await page(serverB(), `/scripts/${demo.slug}`)).status, {
      timeout: VISIBLE_WITHIN_MS,
    })
    .toBe(200)
})

test('the anonymous API limit counts across both servers', async () => {
  const address = '198.51.100.77'
  const read = (server: AppServer) =>
    fetch(`${server.origin}/api/topics?limit=1`, { headers: { 'X-Forwarded-For': address } })
  // The count lives in one-minute windows aligned to the clock: start in a fresh one, so that the
  // thirty reads cannot straddle a boundary (which would restart the count halfway).
  const intoWindow = Date.now() % 60_000
  if (intoWindow > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoWindow))
  const remaining: number[] = []
  for (let i = 0; i < RATE_LIMIT; i++) {
    const response = await read(i % 2 === 0 ? serverA() : serverB())
    expect(response.status, `第 ${i + 1} 次`).toBe(200)
    remaining.push(Number(response.headers.get('x-ratelimit-remaining')))
  }
  // One count for both servers: 29, 28, … 0 whichever server answered.
  expect(remaining).toEqual(Array.from({ length: RATE_LIMIT }, (_, i) => RATE_LIMIT - 1 - i))
  for (const server of [serverA(), serverB()]) {
    const refused = await read(server)
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /请求过于频繁/,
    )
  }
  // Another address still reads.
  const other = await fetch(`${serverB().origin}/api/topics?limit=1`, {
    headers: { 'X-Forwarded-For': '198.51.100.78' },
  })
  expect(other.status).toBe(200)
})

test('a scheduled publish runs once, not once per server', async () => {
  test.setTimeout(120_000)
  const token = await adminToken(serverA())
  const orgs = await api(serverA(), token, '/api/orgs?where[slug][equals]=lanchuan&limit=1')
  const org = (orgs.json.docs as { id: number | string }[])[0].id
  const created = await api(serverA(), token, '/api/scripts?draft=true', {
    method: 'POST',
    body: {
      title: '定时发布只运行一次的宣讲稿',
      summary: '两台服务器同时检查定时任务时，这篇稿子只应发布一次。',
      org,
      format: 'bandeng',
      durationMinutes: 5,
      body: paragraphsToLexical(['乡亲们，这篇稿子到点自动发布，只发布一次。']),
      _status: 'draft',
    },
  })
  expect(created.status).toBe(201)
  const id = (created.json.doc as { id: number | string }).id
  const when = new Date(Date.now() + 4000).toISOString()
  const queued = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'payload',
      '--',
      'run',
      'tests/helpers/schedulePublish.ts',
      'scripts',
      String(id),
      when,
      'admin@lanchuan.example',
    ],
    { encoding: 'utf8', env: process.env },
  )
  expect(queued.status, queued.stderr).toBe(0)
  await expect
    .poll(async () => (await api(serverB(), token, `/api/scripts/${id}`)).json._status, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe('published')
  // Both servers check the queue every 2 s: give them several more chances to run it again.
  await new Promise((resolve) => setTimeout(resolve, 8000))
  const versions = await api(
    serverA(),
    token,
    `/api/scripts/versions?where[parent][equals]=${id}&where[version._status][equals]=published&limit=10`,
  )
  expect(versions.json.totalDocs).toBe(1)
  await api(serverA(), token, `/api/scripts/${id}`, { method: 'DELETE' })
})

test('two editors on two servers: the later save is refused with the Chinese 409 message, every time', async ({
  browser,
}) => {
  test.setTimeout(240_000)
  const token = await adminToken(serverA())
  const list = await api(
    serverA(),
    token,
    '/api/scripts?limit=1&where[_status][equals]=draft&draft=true&depth=0',
  )
  const id = (list.json.docs as { id: number | string }[])[0].id
  const open = async (server: AppServer): Promise<{ page: Page; messages: string[] }> => {
    const context = await browser.newContext({ baseURL: server.origin, locale: 'zh-CN' })
    const page = await context.newPage()
    const messages = await recordMessages(page)
    await page.goto('/admin/login')
    await page.getByLabel('电子邮件').fill('admin@lanchuan.example')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page).not.toHaveURL(/\/admin\/login/)
    return { page, messages }
  }
  const first = await open(serverA())
  const second = await open(serverB())
  const summary = (page: Page) => page.locator('#field-summary')
  for (let round = 1; round <= 3; round++) {
    for (const editor of [first, second]) {
      await editor.page.goto(`/admin/collections/scripts/${id}`)
      await expect(summary(editor.page)).toBeVisible()
    }
    await first.page.bringToFront()
    await summary(first.page).fill(`第 ${round} 轮：服务器 A 上先保存的摘要。`)
    const saved = first.page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes(`/${id}?`),
    )
    await first.page.getByRole('button', { name: '保存草稿' }).click()
    expect((await saved).status()).toBe(200)

    await second.page.bringToFront()
    second.messages.length = 0
    await summary(second.page).fill(`第 ${round} 轮：服务器 B 上基于旧内容的修改。`)
    const refused = second.page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes(`/${id}?`),
    )
    await second.page.getByRole('button', { name: '保存草稿' }).click()
    const response = await refused
    expect(response.status()).toBe(409)
    expect(JSON.stringify(await response.json())).toContain(STALE_UPDATE_MESSAGE)
    // The admin shows the Chinese explanation, not Payload's "An unknown error occurred.".
    await expect(second.page.getByText('该内容已被他人修改').first()).toBeVisible()
    expect(second.messages.join('\n')).not.toMatch(/unknown error|未知错误/i)
    if (round === 1) {
      await second.page.screenshot({ path: 'tests/artifacts/desktop/cluster-stale-save.png' })
    }
    const stored = await api(serverB(), token, `/api/scripts/${id}?draft=true&depth=0`)
    expect(stored.json.summary).toBe(`第 ${round} 轮：服务器 A 上先保存的摘要。`)
  }
  await first.page.context().close()
  await second.page.context().close()
})

test('a server stopped cleanly gives the worker lease back: the other takes over at its next try', async () => {
  test.setTimeout(120_000)
  // Since the takeover test B holds the lease and A came back as the second server.
  await expect.poll(() => isWorkerServer(serverB()), { timeout: 30_000 }).toBe(true)
  expect(await isWorkerServer(serverA())).toBe(false)
  const leaving = serverB()
  const stoppedAt = Date.now()
  await leaving.stop()
  servers.b = null
  expect(leaving.log.map((line) => line.text).join('\n')).toContain('已交还任务租约')
  await expect
    .poll(() => isWorkerServer(serverA()), { timeout: LEASE_TTL_MS * 3, intervals: [100] })
    .toBe(true)
  console.log(
    `[measure] takeover after a clean stop: ${Date.now() - stoppedAt} ms (lease ${LEASE_TTL_MS} ms, ` +
      `renewal every ${LEASE_TTL_MS / 4} ms)`,
  )
})
