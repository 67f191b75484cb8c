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
import { fileURLToPath } from 'node:url'

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

/** Embeddable widgets and oEmbed, as media-center pages load them. */
export const EMBED_PATHS = ['/embed/scripts', '/embed/videos']

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

export type LoadOptions = {
  /** A running production build (loopback only). */
  origin: string
  duration?: number
  connections?: number
  log?: (message: string) => void
}

export type LoadResult = {
  requests: number
  perSecond: number
  /** Connection errors, timeouts and statuses ≥ 400, together. */
  failed: number
  timeouts: number
  connectionErrors: number
  statusFailures: number
  latency: { p50: number; p97_5: number; p99: number; max: number }
  published: number
  /** Published scripts whose page answered 200 at the end. */
  visible: number
  writerFailures: string[]
  missing: string[]
  paths: number
  ok: boolean
}

/**
 * The load itself: warms every path once, then CONNECTIONS readers for DURATION seconds while an
 * editor publishes a script every second; shared by `npm run test:load` and `npm run bench -- load`.
 */
export async function runLoad({
  origin,
  duration = DURATION,
  connections = CONNECTIONS,
  log = () => {},
}: LoadOptions): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin)) {
    throw new Error(`压测只允许本机地址（loopback），收到 ${origin}`)
  }
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
  log(`${connections} 个并发连接 × ${duration} 秒，${paths.length} 个页面；每秒发布一篇宣讲稿`)

  const writer = startWriter(origin, token, orgs.docs[0].id)
  const result = await autocannon({
    url: origin,
    connections,
    duration,
    timeout: 30,
    requests: paths.map((p) => ({ method: 'GET' as const, path: p })),
  })
  await writer.stop()

  const statusFailures = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) >= 400)
    .reduce((sum, [, stat]) => sum + (stat as { count: number }).count, 0)
  const missing: string[] = []
  for (const slug of writer.published) {
    const status = (await fetch(`${origin}/scripts/${slug}`)).status
    if (status !== 200) missing.push(`${slug} → ${status}`)
  }
  // autocannon counts timeouts among its errors.
  const failed = result.errors + statusFailures
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    failed,
    timeouts: result.timeouts,
    connectionErrors: result.errors - result.timeouts,
    statusFailures,
    latency: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    published: writer.published.length,
    visible: writer.published.length - missing.length,
    writerFailures: writer.failures,
    missing,
    paths: paths.length,
    ok:
      failed === 0 &&
      writer.failures.length === 0 &&
      missing.length === 0 &&
      writer.published.length > 0,
  }
}

async function main(): Promise<number> {
  const server = process.env.LOAD_URL ? null : await startNextServer(process.cwd())
  const origin = process.env.LOAD_URL ?? (server as { origin: string }).origin
  try {
    const result = await runLoad({ origin, log })
    const [load1] = loadavg()
    log(
      `请求 ${result.requests} 次（${result.perSecond}/秒），` +
        `失败 ${result.failed}（连接错误 ${result.connectionErrors}，超时 ${result.timeouts}，` +
        `≥400 ${result.statusFailures}）；本机负载 ${load1.toFixed(1)}（${cpus().length} 核）`,
    )
    const { p50, p97_5, p99, max } = result.latency
    log(`延迟 p50 ${p50} ms，p97.5 ${p97_5} ms，p99 ${p99} ms，最大 ${max} ms`)
    log(
      `发布 ${result.published} 篇，失败 ${result.writerFailures.length}；` +
        `结束时详情页可见 ${result.visible}/${result.published}`,
    )
    for (const failure of [...result.writerFailures, ...result.missing].slice(0, 10)) {
      log(`  ✗ ${failure}`)
    }
    log(result.ok ? '通过' : '未通过')
    return result.ok ? 0 : 1
  } finally {
    server?.stop()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`[load] 压测失败：${(err as Error).message}\n`)
      process.exit(1)
    },
  )
}
