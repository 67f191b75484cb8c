import { connect } from 'node:net'

import { expect, test } from '@playwright/test'

import { draftDemo, publishedDemo } from '../helpers/demo'
import { KIND_LABELS, RESOURCE_KINDS } from '../../src/lib/kinds'
import { snap } from '../helpers/snap'

test('the admin login page is in Chinese', async ({ page }, info) => {
  await page.goto('/admin/login')
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
  await expect(page.getByText('电子邮件').first()).toBeVisible()
  await expect(page).toHaveTitle(/文明实践资源库/)
  await snap(page, 'admin-login', info.project.name)
})

test('the home page shows the demo county in Chinese', async ({ page }, info) => {
  await page.goto('/')
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('岚川县文明实践资源库')
  for (const kind of RESOURCE_KINDS) {
    await expect(page.getByRole('heading', { name: `最新${KIND_LABELS[kind].name}` })).toBeVisible()
  }
  await expect(page.getByText('岚ICP备00000000号-1')).toBeVisible()
  await snap(page, 'home', info.project.name)
})

test("an unknown address answers 404 with the portal's not-found page, drawn on the server", async ({
  page,
  request,
}, info) => {
  // One segment (a mistyped kind) and deeper: both are unmatched routes.
  for (const address of ['/no-such-page', '/no-such/page/here']) {
    const response = await request.get(address)
    expect(response.status(), address).toBe(404)
    // Without running any script: readers on old phones and crawlers get the whole page.
    const html = await response.text()
    expect(html, address).toMatch(/<html lang="zh-CN">/)
    expect(html, address).toContain('<h1>没有找到这个页面</h1>')
    expect(html, address).toContain('岚川县文明实践资源库</a>')
    expect(html, address).toMatch(/<link rel="stylesheet" href="\/_next\/static\/[^"]+\.css"/)
  }
  const response = await page.goto('/no-such-page')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('没有找到这个页面 · 岚川县文明实践资源库')
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: '资源分类' })).toBeVisible()
  await snap(page, 'not-found', info.project.name)
})

test('list pages are served from their cached route inside the server, not fetched over HTTP', async ({
  request,
}) => {
  // An absolute rewrite target means Next.js proxied the request to itself over the network (as
  // it does when started on a loopback address: vercel/next.js#94745), doubling the work.
  for (const kind of RESOURCE_KINDS) {
    const response = await request.get(`/${kind}?page=1`)
    expect(response.status()).toBe(200)
    expect(response.headers()['x-middleware-rewrite']).toBe(`/lists/${kind}/all`)
  }
})

for (const kind of RESOURCE_KINDS) {
  test(`a ${kind} detail page renders from the list`, async ({ page }, info) => {
    const [first] = publishedDemo(kind)
    await page.goto(`/${kind}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KIND_LABELS[kind].name)
    await page.getByRole('link', { name: first.title, exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/${kind}/${first.slug}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
    await expect(page.getByText(first.summary).first()).toBeVisible()
    await snap(page, `detail-${kind}`, info.project.name)
  })

  test(`${kind} drafts are not served`, async ({ page, request }) => {
    for (const draft of draftDemo(kind)) {
      const response = await request.get(`/${kind}/${draft.slug}`)
      expect(response.status()).toBe(404)
      expect(await response.text()).not.toContain(draft.title)
    }
    await page.goto(`/${kind}`)
    for (const draft of draftDemo(kind)) {
      await expect(page.getByText(draft.title)).toHaveCount(0)
    }
  })
}

test('a cached page is sent without an ETag hashed from its body on every request', async ({
  request,
}) => {
  // next.config.mjs `generateEtags: false`: Next.js's ETag is a hash of the whole page computed
  // in JavaScript on every request, the largest single cost of serving a cached page.
  // (Other tests publish meanwhile, so the second request may be a fresh render: both are checked.)
  for (const response of [await request.get('/'), await request.get('/')]) {
    expect(response.status()).toBe(200)
    expect(response.headers()['x-nextjs-cache']).toMatch(/^(HIT|MISS|STALE)$/)
    expect(response.headers()['etag']).toBeUndefined()
  }
  // A revalidating browser simply gets the page again.
  const again = await request.get('/', { headers: { 'If-None-Match': '"anything"' } })
  expect(again.status()).toBe(200)
  expect(await again.text()).toContain('<!DOCTYPE html>')
})

test('an idle keep-alive connection stays open well past Node’s 5 s default', async ({
  baseURL,
}) => {
  // API clients (the tests' request context, a partner's fetch, a load balancer) keep idle
  // connections for longer than Node's default 5 s. A request sent as the server closes one is
  // lost with `socket hang up`: the server must be the side that holds on longer.
  const { hostname, port } = new URL(baseURL as string)
  const socket = connect(Number(port), hostname)
  let received = ''
  let closedAt: number | null = null
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
  socket.on('end', () => (closedAt ??= Date.now()))
  socket.on('close', () => (closedAt ??= Date.now()))
  const ask = async () => {
    received = ''
    socket.write(
      `GET /robots.txt HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`,
    )
    await expect.poll(() => /\r\n\r\n/.test(received) && closedAt === null).toBe(true)
    return received.split('\r\n')[0]
  }
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    expect(await ask()).toBe('HTTP/1.1 200 OK')
    const idleFrom = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 7_000))
    expect(closedAt === null ? null : closedAt - idleFrom, '服务器不应先关闭空闲连接').toBeNull()
    expect(await ask()).toBe('HTTP/1.1 200 OK')
  } finally {
    socket.destroy()
  }
})
