/**
 * `npm run test:load`: 200 concurrent readers across the portal's pages for LOAD_DURATION seconds
 * (default 60) while an editor publishes a new lecture script every second through REST. Passes
 * when no request failed (no error, timeout or status ≥ 400) and every published script's page
 * answers 200 at the end. Loopback only: against LOAD_URL (a running production build), or a
 * `next start` of the existing build that this script starts and stops itself.
 *
 * Needs the demo county (npm run seed) for its pages and the admin login.
 */
import { cpus, loadavg } from 'node:os'

import autocannon from 'autocannon'

import { paragraphsToLexical } from '../src/lib/lexicalDocument'
import { startNextServer } from '../src/lib/nextServer'

const DURATION = Number(process.env.LOAD_DURATION ?? 60)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200)
const EDITOR = {
  email: process.env.LOAD_EDITOR_EMAIL ?? 'admin@lanchuan.example',
  password: process.env.LOAD_EDITOR_PASSWORD ?? 'lanchuan2026',
}

/** Fixed portal pages; one detail page of each kind and a topic and org page are added from the sitemap. */
export const PORTAL_PATHS = [
  '/',
  '/scripts',
  '/videos',
  '/textbooks',
  '/cases',
  '/topics',
  '/search',
  '/search?q=%E7%A7%BB%E9%A3%8E%E6%98%93%E4%BF%97',
  '/feeds/rss.xml',
  '/feeds/atom.xml',
  '/feeds/feed.json',
  '/feeds/scripts/rss.xml',
  '/sitemap.xml',
  '/robots.txt',
]

/** Embeddable widgets (/embed/*) join the mix here once they exist. */
export const EMBED_PATHS: string[] = []

function log(message: string) {
  process.stdout.write(`[load] ${message}\n`)
}

async function pathsFromSitemap(origin: string): Promise<string[]> {
  const xml = await (await fetch(`${origin}/sitemap.xml`)).text()
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]).pathname)
  const firstUnder = (prefix: string) => urls.find((p) => p.startsWith(prefix) && p !== prefix)
  return ['/scripts/', '/videos/', '/textbooks/', '/cases/', '/topics/', '/orgs/']
    .map(firstUnder)
    .filter((p): p is string => Boolean(p))
}

async function login(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(EDITOR),
  })
  if (!response.ok) throw new Error(`编辑登录失败（${response.status}）：请先 npm run seed`)
  return ((await response.json()) as { token: string }).token
}

/** Publishes one new script per second until stopped; returns the slugs it published. */
function startWriter(origin: string, token: string, orgId: number | string) {
  const published: string[] = []
  const failures: string[] = []
  let stopped = false
  const headers = { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }
  const run = (async () => {
    for (let n = 1; !stopped; n += 1) {
      const started = Date.now()
      const title = `压测发布第${n}篇：${new Date().toISOString().slice(11, 19)}`
      try {
        const response = await fetch(`${origin}/api/scripts`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            title,
            slug: `load-${Date.now().toString(36)}-${n}`,
            summary: `${title}的摘要`,
            org: orgId,
            format: 'weixuanjiang',
            durationMinutes: 5,
            body: paragraphsToLexical(['乡亲们好，这是压力测试时发布的宣讲稿。']),
            _status: 'published',
          }),
        })
        const body = (await response.json()) as { doc?: { slug?: string } }
        if (response.ok && body.doc?.slug) published.push(body.doc.slug)
        else failures.push(`${response.status} ${JSON.stringify(body).slice(0, 200)}`)
      } catch (err) {
        failures.push((err as Error).message)
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))),
      )
    }
  })()
  return {
    published,
    failures,
    stop: async () => {
      stopped = true
      await run
    },
  }
}

async function main(): Promise<number> {
  const server = process.env.LOAD_URL ? null : await startNextServer(process.cwd())
  const origin = process.env.LOAD_URL ?? (server as { origin: string }).origin
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) {
    throw new Error(`压测只允许本机地址（loopback），收到 ${origin}`)
  }
  try {
    const paths = [...PORTAL_PATHS, ...(await pathsFromSitemap(origin)), ...EMBED_PATHS]
    for (const p of paths) {
      const status = (await fetch(`${origin}${p}`)).status
      if (status >= 400) throw new Error(`预热失败：${p} → ${status}`)
    }
    const token = await login(origin)
    const orgs = (await (
      await fetch(`${origin}/api/orgs?limit=1&where[level][equals]=center`, {
        headers: { Authorization: `JWT ${token}` },
      })
    ).json()) as { docs: { id: number | string }[] }
    log(`${CONNECTIONS} 个并发连接 × ${DURATION} 秒，${paths.length} 个页面；每秒发布一篇宣讲稿`)

    const writer = startWriter(origin, token, orgs.docs[0].id)
    const result = await autocannon({
      url: origin,
      connections: CONNECTIONS,
      duration: DURATION,
      timeout: 30,
      requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
    })
    await writer.stop()

    const failedStatuses = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => Number(code) >= 400)
      .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0)
    // autocannon counts timeouts among its errors.
    const failed = result.errors + failedStatuses
    const [load1] = loadavg()
    log(
      `请求 ${result.requests.total} 次（${Math.round(result.requests.average)}/秒），` +
        `失败 ${failed}（连接错误 ${result.errors - result.timeouts}，超时 ${result.timeouts}，` +
        `≥400 ${failedStatuses}）；本机负载 ${load1.toFixed(1)}（${cpus().length} 核）`,
    )
    log(
      `延迟 p50 ${result.latency.p50} ms，p97.5 ${result.latency.p97_5} ms，` +
        `p99 ${result.latency.p99} ms，最大 ${result.latency.max} ms`,
    )

    const missing: string[] = []
    for (const slug of writer.published) {
      const status = (await fetch(`${origin}/scripts/${slug}`)).status
      if (status !== 200) missing.push(`${slug} → ${status}`)
    }
    log(
      `发布 ${writer.published.length} 篇，失败 ${writer.failures.length}；` +
        `结束时详情页可见 ${writer.published.length - missing.length}/${writer.published.length}`,
    )
    for (const failure of [...writer.failures, ...missing].slice(0, 10)) log(`  ✗ ${failure}`)
    const ok =
      failed === 0 &&
      writer.failures.length === 0 &&
      missing.length === 0 &&
      writer.published.length > 0
    log(ok ? '通过' : '未通过')
    return ok ? 0 : 1
  } finally {
    server?.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[load] 压测失败：${(err as Error).message}\n`)
    process.exit(1)
  },
)
