/**
 * `npm run bench [-- <benchmark>… --size 1k,10k --duration 5 --fresh --search --no-mongo]`: the portal's
 * benchmarks, side by side in one run (these machines are shared and noisy: read the ratios).
 *
 * Every benchmark is one entry of BENCHMARKS below, run for each size it applies to. Generated
 * databases are cached per size in $BENCH_CACHE (default: the system temp folder), so later runs
 * and benchmarks reuse them; each size gets a fresh working copy. Results: bench/results/*.json.
 * Note: builds go to this checkout's `.next` (like the e2e tests).
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createHash } from 'node:crypto'
import { cpus, tmpdir, totalmem } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { runLoad } from '../scripts/load-test'
import { measurePage } from '../scripts/measure-first-load-js.mjs'
import { nextStartArgs } from '../src/lib/nextServer'
import { medianAudit } from './lighthouse'
import { percentile, printTable, writeResult } from './lib'
import { cpuSeconds, run, startProcess, waitFor, type Peak } from './proc'

type Row = Record<string, string | number>
const ROOT = process.cwd()
const PORT_NEXT = Number(process.env.BENCH_PORT ?? 3400)
const PORT_STATIC = PORT_NEXT + 1
const SITE_URL = `http://127.0.0.1:${PORT_NEXT}`
const SECRET = process.env.PAYLOAD_SECRET || 'practice-hub-bench-secret'
const NODE_OPTIONS = '--no-deprecation --conditions=production'

// ---------------------------------------------------------------------------------------------
// Arguments
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`)
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback
}
const parseSize = (label: string) => {
  const match = /^(\d+(?:\.\d+)?)(k?)$/i.exec(label.trim())
  if (!match) throw new Error(`规模不合法 bad --size: ${label}（例如 1k、10k、500）`)
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1))
}
const sizeLabel = (size: number) => (size % 1000 === 0 ? `${size / 1000}k` : String(size))
const DURATION = Number(option('duration', '5'))
const CONNECTIONS = Number(option('connections', '10'))
const PUBLISHES = Number(option('publishes', '20'))
const LIGHTHOUSE_RUNS = Number(option('lighthouse-runs', '3'))
const LOAD_DURATION = Number(option('load-duration', '60'))
const LOAD_CONNECTIONS = Number(option('load-connections', '200'))
const FLOOR_ROUNDS = Number(option('rounds', '3'))
const CACHE = process.env.BENCH_CACHE ?? path.join(tmpdir(), 'practice-hub-bench-cache')

// ---------------------------------------------------------------------------------------------
// Per-size context: the generated database (cached), a build, an export and a server, made lazily.
/** Bump when the generated content changes. Later migrations are applied to each working copy. */
const CONTENT_VERSION = 1
const GENERATOR_VERSION = `v${CONTENT_VERSION}`

type Measured = { ms: number; peak: Peak }
class SizeContext {
  readonly label: string
  readonly dir: string
  private dbReady?: Promise<void>
  private built?: Promise<Measured>
  private exportedTo?: Promise<
    Measured & { pages: number; files: number; bytes: number; out: string }
  >
  private server?: { stop: () => Promise<void>; origin: string; log: () => string; pid: number }
  private serverEnv = ''

  constructor(
    readonly size: number,
    work: string,
  ) {
    this.label = sizeLabel(size)
    this.dir = path.join(work, this.label)
  }

  get env(): Record<string, string> {
    return {
      BENCH_DIR: this.dir,
      DATABASE_URI: `file:${path.join(this.dir, 'bench.db')}`,
      MEDIA_DIR: path.join(this.dir, 'media'),
      PAYLOAD_SECRET: SECRET,
      SITE_URL,
      JOBS_AUTORUN: '0',
    }
  }

  /** The generated database for this size: from the cache, generated on a miss. */
  db(): Promise<void> {
    this.dbReady ??= (async () => {
      const cached = path.join(CACHE, `${this.label}-${GENERATOR_VERSION}`)
      if (flag('fresh')) rmSync(cached, { recursive: true, force: true })
      if (!existsSync(path.join(cached, 'generated.json'))) {
        rmSync(cached, { recursive: true, force: true })
        mkdirSync(cached, { recursive: true })
        log(`生成 ${this.label} 数据库 generating the ${this.label} database → ${cached}`)
        const { ms } = await run(payloadBin(), ['run', 'bench/generate.ts'], {
          label: 'generate',
          env: {
            NODE_OPTIONS,
            BENCH_DIR: cached,
            BENCH_SIZE: String(this.size),
            PAYLOAD_SECRET: SECRET,
          },
        })
        log(`生成用时 generated in ${(ms / 1000).toFixed(0)} s`)
      } else log(`复用缓存 reusing cached ${this.label} database ${cached}`)
      rmSync(this.dir, { recursive: true, force: true })
      cpSync(cached, this.dir, { recursive: true })
      await run(payloadBin(), ['migrate'], {
        label: 'migrate',
        env: { ...this.env, NODE_OPTIONS },
        quiet: true,
      })
    })()
    return this.dbReady
  }

  generated(): { counts: Record<string, number>; seconds: number; perSecond: number } {
    return JSON.parse(readFileSync(path.join(this.dir, 'generated.json'), 'utf8'))
  }

  /** `next build` against this size's database (prerenders what generateStaticParams lists). */
  build(): Promise<Measured> {
    this.built ??= (async () => {
      await this.db()
      await stopServers()
      log(`next build（${this.label}）…`)
      const result = await run(process.execPath, [nextBin(), 'build'], {
        label: 'next build',
        env: { ...this.env, NODE_OPTIONS: '--no-deprecation' },
        quiet: true,
      })
      const line = result.output.match(/Generating static pages[^\n]*\n?/g)?.pop() ?? ''
      log(`next build ${(result.ms / 1000).toFixed(0)} s ${line.trim()}`)
      return result
    })()
    return this.built
  }

  /** `npm run export:only` on the build: the static copy, timed and sampled. */
  exported() {
    this.exportedTo ??= (async () => {
      await this.build()
      const out = path.join(this.dir, 'export')
      log(`导出 export（${this.label}）…`)
      const result = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/export.ts'], {
        label: 'export',
        env: { ...this.env, NODE_OPTIONS, EXPORT_DIR: out },
      })
      const done = /(\d+) 个页面，(\d+) 个文件，([\d.]+) MB/.exec(result.output)
      return {
        ...result,
        out,
        pages: Number(done?.[1] ?? 0),
        files: Number(done?.[2] ?? 0),
        bytes: Number(done?.[3] ?? 0) * 1024 * 1024,
      }
    })()
    return this.exportedTo
  }

  hasExport(): boolean {
    return this.exportedTo !== undefined
  }

  /** The running server's recent output (the last 20,000 characters). */
  serverLog(): string {
    return this.server?.log() ?? ''
  }

  /** The running server's process id (0 when none runs). */
  serverPid(): number {
    return this.server?.pid ?? 0
  }

  /** `next start` of this size's build on PORT_NEXT (restarted when `extraEnv` differs). */
  async start(extraEnv: Record<string, string> = {}): Promise<string> {
    const key = JSON.stringify(extraEnv)
    if (this.server && this.serverEnv === key) return this.server.origin
    await this.build()
    await stopServers()
    this.serverEnv = key
    const proc = startProcess(process.execPath, [nextBin(), ...nextStartArgs(PORT_NEXT)], {
      ...this.env,
      ...extraEnv,
      NODE_OPTIONS: '--no-deprecation',
    })
    const server = { stop: proc.stop, origin: SITE_URL, log: proc.log, pid: proc.child.pid ?? 0 }
    running.add(server)
    this.server = server
    try {
      await waitFor(`${SITE_URL}/robots.txt`)
    } catch (err) {
      process.stdout.write(proc.log())
      throw err
    }
    const origStop = server.stop
    server.stop = async () => {
      running.delete(server)
      this.server = undefined
      await origStop()
    }
    return SITE_URL
  }
}

// ---------------------------------------------------------------------------------------------
// The Mongo-wire column of the queries benchmark: BENCH_MONGO_URI (a real MongoDB; MONGO_COMPAT as
// for the app), or else FerretDB, built and started by scripts/ferretdb.sh with its data kept in
// the cache, so each size is restored into it once. --no-mongo: SQLite only.
type MongoTarget = { uri: string; compat: string; label: string; stop: () => void }
let mongoTarget: Promise<MongoTarget | null> | undefined

function mongoTargetOnce(): Promise<MongoTarget | null> {
  mongoTarget ??= (async () => {
    if (flag('no-mongo')) return null
    const given = process.env.BENCH_MONGO_URI
    if (given) {
      const compat = process.env.MONGO_COMPAT ?? ''
      const label = compat === 'ferretdb' ? 'FerretDB' : 'MongoDB'
      return { uri: given.replace(/\/+$/, ''), compat, label, stop: () => {} }
    }
    const dir = path.join(CACHE, 'ferretdb-data')
    mkdirSync(dir, { recursive: true })
    const port = PORT_NEXT + 27
    log(`FerretDB（127.0.0.1:${port}，数据 data ${dir}）…`)
    const { output } = await run(
      'bash',
      [path.join(ROOT, 'scripts/ferretdb.sh'), 'start', dir, String(port)],
      {
        label: 'ferretdb',
        quiet: true,
      },
    )
    const pid = Number(output.trim().split('\n').pop())
    return {
      uri: `mongodb://127.0.0.1:${port}`,
      compat: 'ferretdb',
      label: 'FerretDB',
      stop: () => {
        try {
          process.kill(pid)
        } catch {
          // already gone
        }
      },
    }
  })()
  return mongoTarget
}

/**
 * This size's generated database on the Mongo-wire server, made once per server and generator
 * version and reused by later runs: the same generator writing the same content through the Local
 * API into a new database there. On FerretDB, sizes above 1k are the 1k database replicated at
 * the driver level (bench/replicate.ts): its Local API writes slow down with every document
 * (2 a second by 1k), so 10k would take hours. (Restoring a backup of the SQLite copy works too,
 * at ≈ 7 documents a second: 5 min at 1k.)
 */
async function mongoDatabase(size: number, target: MongoTarget): Promise<string> {
  const label = sizeLabel(size)
  const key = createHash('sha256').update(target.uri).digest('hex').slice(0, 8)
  const dir = path.join(CACHE, `mongo-${label}-${GENERATOR_VERSION}-${key}`)
  const marker = path.join(dir, 'database.json')
  if (flag('fresh')) rmSync(dir, { recursive: true, force: true })
  if (existsSync(marker) && existsSync(path.join(dir, 'generated.json'))) {
    const { uri } = JSON.parse(readFileSync(marker, 'utf8')) as { uri: string }
    log(`复用 reusing the ${target.label} database of ${label}`)
    return uri
  }
  const replicate = target.compat === 'ferretdb' && size > 1000
  const base = replicate ? await mongoDatabase(1000, target) : null
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const name = `ph_bench_${label}_${Date.now()}`
  const uri = `${target.uri}/${name}`
  const env = {
    NODE_OPTIONS,
    BENCH_DIR: dir,
    BENCH_DATABASE_URI: uri,
    MONGO_COMPAT: target.compat,
    PAYLOAD_SECRET: SECRET,
  }
  log(
    replicate
      ? `复制 1k ×${Math.round(size / 1000)} → ${label} replicating on ${target.label}…`
      : `生成 ${label} 数据库 generating the ${label} database on ${target.label}…`,
  )
  const { ms } = replicate
    ? await run(payloadBin(), ['run', 'bench/replicate.ts'], {
        label: 'replicate',
        env: {
          ...env,
          BENCH_SOURCE_DB: new URL(base as string).pathname.slice(1),
          BENCH_FACTOR: String(Math.round(size / 1000)),
        },
      })
    : await run(payloadBin(), ['run', 'bench/generate.ts'], {
        label: 'generate',
        env: { ...env, BENCH_SIZE: String(size) },
      })
  log(`用时 done in ${(ms / 1000).toFixed(0)} s`)
  writeFileSync(marker, JSON.stringify({ uri }))
  return uri
}

const running = new Set<{ stop: () => Promise<void> }>()
async function stopServers() {
  await Promise.all([...running].map((server) => server.stop()))
}

function payloadBin() {
  return path.join(ROOT, 'node_modules/.bin/payload')
}
function nextBin() {
  return path.join(ROOT, 'node_modules/next/dist/bin/next')
}
function log(line: string) {
  process.stdout.write(`[bench] ${line}\n`)
}
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0)

/** A few published detail pages, one per kind, newest first (anonymous REST sees published only). */
async function samplePaths(origin: string): Promise<Record<string, string>> {
  const paths: Record<string, string> = {}
  for (const kind of ['scripts', 'videos', 'textbooks', 'cases']) {
    const response = await fetch(`${origin}/api/${kind}?limit=1&page=3&sort=-publishedAt&depth=0`)
    const { docs } = (await response.json()) as { docs: { slug: string }[] }
    paths[kind] = `/${kind}/${docs[0].slug}`
  }
  return paths
}

/** Where the export keeps the page for a portal URL (pagination becomes /page/N/). */
function staticPathOf(url: string): string | null {
  const [pathname, query] = url.split('?')
  if (!query) return pathname === '/' ? '/' : `${pathname}/`
  const page = /^page=(\d+)$/.exec(query)
  return page ? `${pathname}/page/${page[1]}/` : null
}

/**
 * `next start` and the export behind nginx (PORT_STATIC) for benchmarks that compare the two;
 * `run` gets the app's origin and a detail page per kind.
 */
async function besideTheCopy<T>(
  ctx: SizeContext,
  run: (origin: string, details: Record<string, string>) => Promise<T>,
): Promise<T> {
  const exp = await ctx.exported()
  const origin = await ctx.start()
  const nginx = await startNginx(exp.out, ctx.dir)
  try {
    return await run(origin, await samplePaths(origin))
  } finally {
    await nginx.stop()
  }
}

/** JSON headers of a signed-in admin (the demo account the generator seeds). */
async function adminHeaders(origin: string): Promise<Record<string, string>> {
  const login = await fetch(`${origin}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@lanchuan.example', password: 'lanchuan2026' }),
  })
  const { token } = (await login.json()) as { token: string }
  return { 'content-type': 'application/json', authorization: `JWT ${token}` }
}

async function load(url: string, requests?: autocannon.Request[], duration = DURATION) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, requests })
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

/** `load`, plus the CPU time the server process `pid` spent on each request, in µs. */
async function loadWithCpu(url: string, pid: number) {
  const before = cpuSeconds(pid)
  const result = await load(url)
  const cpuUs = ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, result.requests)
  return { ...result, cpuUs }
}

/** Of several runs of one load, the run with the median throughput. */
function medianRun<T extends { rps: number }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]
}

// ---------------------------------------------------------------------------------------------
// The benchmarks. Add one here (e.g. `static` for incremental publishing) and it runs with the rest.
type Benchmark = {
  name: string
  title: string
  /** Sizes it runs at when --size is not given. */
  sizes: number[]
  run: (ctx: SizeContext) => Promise<Row[]>
  /** false: print only (the results file belongs to another command). */
  write?: boolean
  /** Extra figures over all sizes (e.g. ratios), printed after the table and stored. */
  summarize?: (rows: Row[]) => Row | undefined
}

const BENCHMARKS: Benchmark[] = [
  {
    name: 'generate',
    title: 'Generated content (Local API, revalidation off)',
    sizes: [1000, 10_000],
    run: async (ctx) => {
      await ctx.db()
      const { counts, seconds, perSecond } = ctx.generated()
      return [
        {
          size: ctx.label,
          ...counts,
          'generate s': seconds.toFixed(0),
          'docs/s': perSecond.toFixed(0),
        },
      ]
    },
  },
  {
    name: 'queries',
    title:
      'Admin/API query cost: SQLite, and the same queries on a Mongo-wire server (FerretDB unless BENCH_MONGO_URI)',
    sizes: [1000, 10_000],
    run: async (ctx) => {
      await ctx.db()
      const queries = async (label: string, env: Record<string, string>) => {
        const result = `queries-${label}.json`
        await run(payloadBin(), ['run', 'bench/queries.ts'], {
          label: `queries ${label}`,
          env: { ...ctx.env, NODE_OPTIONS, BENCH_RESULT: result, ...env },
        })
        return JSON.parse(readFileSync(path.join(ctx.dir, result), 'utf8')) as Row[]
      }
      const sqlite = await queries('sqlite', {})
      const target = await mongoTargetOnce()
      if (!target) return sqlite.map((row) => ({ size: ctx.label, ...row }))
      const other = await queries(target.label, {
        BENCH_DATABASE_URI: await mongoDatabase(ctx.size, target),
        MONGO_COMPAT: target.compat,
        // Fewer repeats: a full scan per query on FerretDB at 10k takes seconds.
        BENCH_QUERY_REPEAT: process.env.BENCH_QUERY_REPEAT ?? '10',
      })
      return sqlite.map((row) => {
        const match = other.find((o) => o.query === row.query)
        const p50 = Number(match?.['p50 ms'])
        return {
          size: ctx.label,
          ...row,
          [`${target.label} p50 ms`]: match?.['p50 ms'] ?? '—',
          [`${target.label} p95 ms`]: match?.['p95 ms'] ?? '—',
          [`${target.label}/SQLite p50`]: match ? (p50 / Number(row['p50 ms'])).toFixed(1) : '—',
        }
      })
    },
    summarize: (rows) => {
      const at10k = rows.filter((row) => row.size === '10k')
      const scope = at10k.length > 0 ? at10k : rows
      const worst = scope.reduce((a, b) => (Number(b['p95 ms']) > Number(a['p95 ms']) ? b : a))
      const summary: Row = {
        'worst p95 ms': worst['p95 ms'],
        query: worst.query,
        size: worst.size,
        'goal ms': 150,
      }
      // The Mongo-wire column, when it ran: its worst query and the median ratio to SQLite.
      const column = Object.keys(scope[0]).find((key) => / p95 ms$/.test(key) && key !== 'p95 ms')
      if (column) {
        const label = column.replace(/ p95 ms$/, '')
        const other = scope.reduce((a, b) => (Number(b[column]) > Number(a[column]) ? b : a))
        const ratios = scope
          .map((row) => Number(row[`${label}/SQLite p50`]))
          .filter(Number.isFinite)
        summary[`worst ${column}`] = other[column]
        summary[`${label} query`] = other.query
        summary[`median ${label}/SQLite p50`] = percentile(ratios, 50).toFixed(1)
      }
      return summary
    },
  },
  {
    name: 'export',
    title: 'Export cost (next build + npm run export:only)',
    sizes: [1000, 10_000],
    run: async (ctx) => {
      const build = await ctx.build()
      const exp = await ctx.exported()
      return [
        {
          size: ctx.label,
          'build s': (build.ms / 1000).toFixed(1),
          'build peak MB': mb(build.peak.total),
          'export s': (exp.ms / 1000).toFixed(1),
          pages: exp.pages,
          files: exp.files,
          'ms/page': (exp.ms / Math.max(1, exp.pages)).toFixed(1),
          'exporter peak MB': mb(exp.peak.self),
          'server peak MB': mb(exp.peak.server),
          'export MB': mb(exp.bytes),
        },
      ]
    },
    summarize: (rows) => {
      const small = rows.find((row) => row.size === '1k')
      const large = rows.find((row) => row.size === '10k')
      if (!small || !large) return undefined
      const total = (row: Row) => Number(row['build s']) + Number(row['export s'])
      const ratio = (key: string) => (Number(large[key]) / Number(small[key])).toFixed(1)
      return {
        'export 10k/1k': ratio('export s'),
        'pages 10k/1k': ratio('pages'),
        'goal ratio': '≤ 11',
        '10k export min': (Number(large['export s']) / 60).toFixed(1),
        'goal min': '≤ 10',
        '10k build+export min': (total(large) / 60).toFixed(1),
        'exporter peak 10k/1k': ratio('exporter peak MB'),
        'server peak 10k/1k': ratio('server peak MB'),
        'goal peak ratio': '≤ 1.5',
      }
    },
  },
  {
    name: 'portal',
    title: `Portal throughput: next start vs nginx on the export (autocannon, ${CONNECTIONS} connections, ${DURATION} s each)`,
    sizes: [10_000],
    run: (ctx) =>
      besideTheCopy(ctx, async (origin, details) => {
        const urls: [string, string][] = [
          ['home', '/'],
          ['list p2', '/scripts?page=2'],
          ['list filtered', '/scripts?topic=yifeng-yisu&format=bandeng'],
          ...Object.entries(details).map(([kind, url]): [string, string] => [
            `detail ${kind}`,
            url,
          ]),
        ]
        const rows: Row[] = []
        for (const [name, url] of urls) {
          await fetch(`${origin}${url}`) // first render (pages not prerendered render on demand)
          log(`autocannon ${name} ${url}`)
          const dynamic = await load(`${origin}${url}`)
          const staticPath = staticPathOf(url)
          const fixed = staticPath
            ? await load(`http://127.0.0.1:${PORT_STATIC}${encodeURI(staticPath)}`)
            : null
          rows.push({
            size: ctx.label,
            page: name,
            'next req/s': dynamic.rps.toFixed(0),
            'next p50 ms': dynamic.p50,
            'next p99 ms': dynamic.p99,
            'nginx req/s': fixed ? fixed.rps.toFixed(0) : 'n/a (filters need a server)',
            'nginx p50 ms': fixed ? fixed.p50 : '-',
            'nginx p99 ms': fixed ? fixed.p99 : '-',
            'static/next': fixed ? `${(fixed.rps / Math.max(1, dynamic.rps)).toFixed(1)}×` : '-',
            errors: dynamic.errors + (fixed?.errors ?? 0),
          })
        }
        return rows
      }),
  },
  {
    name: 'lists',
    title: `List and search pages on next start, cached vs rendered per request (autocannon, ${CONNECTIONS} connections, ${DURATION} s each)`,
    sizes: [10_000],
    run: async (ctx) => {
      const origin = await ctx.start()
      // The same page code throughout: past page 50 a list renders per request (src/lib/listCache.ts).
      const baselineUrl = '/scripts?page=51'
      const urls: [string, string][] = [
        ['list p1', '/scripts'],
        ['list p2', '/scripts?page=2'],
        ['list p40', '/scripts?page=40'],
        ['list filtered', '/scripts?topic=yifeng-yisu&format=bandeng'],
        ['list filtered sorted', '/videos?dialect=lanchuan&sort=shortest&page=2'],
        ['per request (baseline)', baselineUrl],
        ['search', `/search?q=${encodeURIComponent('彩礼')}`],
        ['search filtered p2', `/search?q=${encodeURIComponent('彩礼 婚事')}&kind=scripts&page=2`],
      ]
      const results: {
        name: string
        url: string
        first: number
        run: Awaited<ReturnType<typeof load>>
      }[] = []
      for (const [name, url] of urls) {
        const started = performance.now()
        const first = await fetch(`${origin}${url}`)
        await first.text()
        if (!first.ok) throw new Error(`${url}: ${first.status}`)
        const firstMs = performance.now() - started
        log(`autocannon ${name} ${url}`)
        results.push({ name, url, first: firstMs, run: await load(`${origin}${url}`) })
      }
      // A search nobody asked before renders per request: a new query each time.
      let asked = 0
      const newSearch = (): string => `/search?q=${encodeURIComponent(`彩礼 ${(asked += 1)}`)}`
      log('autocannon search, a new query each request')
      results.push({
        name: 'search per request (new query each time)',
        url: '/search?q=彩礼 <n>',
        first: Number.NaN,
        run: await load(origin, [
          { setupRequest: (request) => ({ ...request, path: newSearch() }) },
        ]),
      })
      const baseline = results.find((result) => result.url === baselineUrl)?.run.rps ?? 1
      const rows: Row[] = results.map(({ name, url, first, run }) => ({
        size: ctx.label,
        page: name,
        url,
        'first render ms': Number.isNaN(first) ? '-' : first.toFixed(0),
        'req/s': run.rps.toFixed(0),
        'p50 ms': run.p50,
        'p99 ms': run.p99,
        'vs per request': `${(run.rps / Math.max(1, baseline)).toFixed(1)}×`,
        errors: run.errors,
      }))

      // Fresh after a publish: retitle the newest script, then read page 1 and a search once (that
      // search was read, and so cached, before the publish).
      const probe = `/search?q=${encodeURIComponent('列表测速')}`
      await (await fetch(`${origin}${probe}`)).text()
      const headers = await adminHeaders(origin)
      const newest = (await (
        await fetch(`${origin}/api/scripts?limit=1&sort=-publishedAt&depth=0`)
      ).json()) as { docs: { id: number | string; title: string }[] }
      const [doc] = newest.docs
      const title = `${doc.title.slice(0, 80)}（列表测速）`
      const patched = await fetch(`${origin}/api/scripts/${doc.id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ title, _status: 'published' }),
      })
      if (!patched.ok) throw new Error(`发布失败 publish failed: ${patched.status}`)
      const started = performance.now()
      const html = await (await fetch(`${origin}/scripts`)).text()
      rows.push({
        size: ctx.label,
        page: 'list p1 right after a publish',
        url: '/scripts',
        'first render ms': (performance.now() - started).toFixed(0),
        'req/s': '-',
        'p50 ms': '-',
        'p99 ms': '-',
        'vs per request': html.includes(title) ? '新标题 fresh' : '旧标题 STALE',
        errors: html.includes(title) ? 0 : 1,
      })
      const searchStarted = performance.now()
      const found = await (await fetch(`${origin}${probe}`)).text()
      const fresh = found.includes(title)
      rows.push({
        size: ctx.label,
        page: 'search right after a publish',
        url: probe,
        'first render ms': (performance.now() - searchStarted).toFixed(0),
        'req/s': '-',
        'p50 ms': '-',
        'p99 ms': '-',
        'vs per request': fresh ? '找到新标题 fresh' : '没有新标题 STALE',
        errors: fresh ? 0 : 1,
      })
      return rows
    },
    summarize: (rows) => {
      const cached = rows.filter(
        (row) => !String(row.page).includes('per request') && row['req/s'] !== '-',
      )
      const rps = cached.map((row) => Number(row['req/s']))
      const p99 = cached.map((row) => Number(row['p99 ms']))
      return {
        'cached lists and searches min req/s': Math.min(...rps).toFixed(0),
        'goal req/s': '≥ 300',
        'cached lists and searches max p99 ms': Math.max(...p99).toFixed(0),
        'goal p99 ms': '≤ 100',
      }
    },
  },
  {
    name: 'publish',
    title: `Publish-to-live latency (${PUBLISHES} publishes via REST, polling the detail page)`,
    sizes: [10_000],
    run: async (ctx) => {
      const origin = await ctx.start()
      const headers = await adminHeaders(origin)
      const latencies: number[] = []
      for (const [index, kind] of Array.from(
        { length: PUBLISHES },
        (_, i) => ['scripts', 'videos', 'textbooks', 'cases'][i % 4],
      ).entries()) {
        const list = await fetch(
          `${origin}/api/${kind}?limit=1&page=${10 + index}&sort=-publishedAt&depth=0&where[_status][equals]=published`,
          { headers },
        )
        const [doc] = (
          (await list.json()) as { docs: { id: number; slug: string; title: string }[] }
        ).docs
        const pagePath = `/${kind}/${doc.slug}`
        await fetch(`${origin}${pagePath}`) // the page is live (cached) before the change
        const title = `${doc.title.slice(0, 80)}（修订${index + 1}）`
        const started = performance.now()
        const patch = await fetch(`${origin}/api/${kind}/${doc.id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ title, _status: 'published' }),
        })
        if (!patch.ok)
          throw new Error(`发布失败 publish failed: ${patch.status} ${await patch.text()}`)
        let seen = false
        while (performance.now() - started < 30_000) {
          const html = await (await fetch(`${origin}${pagePath}`)).text()
          if (html.includes(title)) {
            seen = true
            break
          }
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
        if (!seen) throw new Error(`30 秒内未见新标题 not live after 30 s: ${pagePath}`)
        latencies.push(performance.now() - started)
        process.stdout.write(`\r[bench] publish ${index + 1}/${PUBLISHES}   `)
      }
      process.stdout.write('\n')
      return [
        {
          size: ctx.label,
          publishes: latencies.length,
          'p50 ms': percentile(latencies, 50).toFixed(0),
          'p95 ms': percentile(latencies, 95).toFixed(0),
          'max ms': Math.max(...latencies).toFixed(0),
          'goal ms': '≤ 2000',
        },
      ]
    },
  },
  {
    name: 'static',
    title: `Static publishing: REST edit → updated file on disk (${PUBLISHES} edits, static folder from the export)`,
    sizes: [1000, 10_000],
    run: async (ctx) => {
      const exp = await ctx.exported()
      // The export is a static site with its manifest: the publisher takes it over from there.
      const site = path.join(ctx.dir, 'static-site')
      rmSync(site, { recursive: true, force: true })
      cpSync(exp.out, site, { recursive: true })
      const origin = await ctx.start({ STATIC_SITE_DIR: site, STATIC_RENDER_ORIGIN: SITE_URL })
      const headers = await adminHeaders(origin)
      const pending = async (): Promise<number> => {
        let response: Response | undefined
        // A server this busy may reset a kept-alive connection: ask again.
        for (let attempt = 1; !response; attempt += 1) {
          response = await fetch(`${origin}/api/static-site`, { headers }).catch((err) => {
            if (attempt >= 5) throw err
            return undefined
          })
          if (!response) await new Promise((resolve) => setTimeout(resolve, 500))
        }
        const state = (await response.json()) as { pending: number; failing: boolean }
        if (state.failing) throw new Error('静态发布任务失败 static publishing failed')
        return state.pending
      }
      const manifestHashes = () => {
        const { files } = JSON.parse(readFileSync(path.join(site, '.manifest.json'), 'utf8')) as {
          files: Record<string, { hash: string }>
        }
        return new Map(Object.entries(files).map(([key, entry]) => [key, entry.hash]))
      }
      const toFile: number[] = []
      const toDone: number[] = []
      const changedFiles: number[] = []
      // Edit 0 is the first after the server started (its route code and the folder's search
      // index not loaded yet): reported on its own, the percentiles are of the edits after it.
      let first = { file: 0, done: 0 }
      for (let index = 0; index <= PUBLISHES; index += 1) {
        const kind = ['scripts', 'videos', 'textbooks', 'cases'][index % 4]
        const list = await fetch(
          `${origin}/api/${kind}?limit=1&page=${20 + index}&sort=-publishedAt&depth=0&where[_status][equals]=published`,
          { headers },
        )
        const [doc] = (
          (await list.json()) as { docs: { id: number; slug: string; title: string }[] }
        ).docs
        const file = path.join(site, kind, doc.slug, 'index.html')
        const before = manifestHashes()
        const title = `${doc.title.slice(0, 80)}（静态${index + 1}）`
        const started = performance.now()
        const patch = await fetch(`${origin}/api/${kind}/${doc.id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ title }),
        })
        if (!patch.ok)
          throw new Error(`编辑失败 edit failed: ${patch.status} ${await patch.text()}`)
        while (!(existsSync(file) && readFileSync(file, 'utf8').includes(title))) {
          if (performance.now() - started > 120_000) throw new Error(`120 秒内未写入 ${file}`)
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        const toFileMs = performance.now() - started
        while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 100))
        const done = performance.now() - started
        const after = manifestHashes()
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
          (key) => before.get(key) !== after.get(key),
        ).length
        if (index === 0) first = { file: toFileMs, done }
        else {
          toFile.push(toFileMs)
          toDone.push(done)
          changedFiles.push(changed)
        }
        log(
          `static ${index}/${PUBLISHES} ${kind}: file ${toFileMs.toFixed(0)} ms, done ${done.toFixed(0)} ms, ${changed} files${index === 0 ? ' (first after start, not counted)' : ''}`,
        )
      }
      // Where a publishing job spends its time, from the server's own log line for each job.
      const jobs = [...ctx.serverLog().matchAll(/(\d+) 个地址.*?, (\d+) ms \((\{[^}]*\})/g)].map(
        (match) => ({
          addresses: Number(match[1]),
          total: Number(match[2]),
          ...(JSON.parse(match[3]) as { render: number; pinned: number; collect: number }),
        }),
      )
      // The first job is the first edit's (see above).
      jobs.shift()
      const median = (pick: (job: (typeof jobs)[number]) => number) =>
        jobs.length > 0 ? percentile(jobs.map(pick), 50).toFixed(0) : '-'
      return [
        {
          size: ctx.label,
          edits: toFile.length,
          'file p50 ms': percentile(toFile, 50).toFixed(0),
          'file p95 ms': percentile(toFile, 95).toFixed(0),
          'all done p50 ms': percentile(toDone, 50).toFixed(0),
          'all done p95 ms': percentile(toDone, 95).toFixed(0),
          'files changed (median)': percentile(changedFiles, 50).toFixed(0),
          'job: URLs rendered (median)': median((job) => job.addresses),
          'render ms': median((job) => job.render),
          'own files ms (404, search index)': median((job) => job.pinned),
          'collect ms': median((job) => job.collect),
          'job total ms': median((job) => job.total),
          'first edit after start: file / done ms': `${first.file.toFixed(0)} / ${first.done.toFixed(0)}`,
          'site files': manifestHashes().size,
          'goal ms': 'file ≤ 2000, done ≤ 5000 (p95 at 10k)',
        },
      ]
    },
  },
  {
    name: 'floor',
    title: `The app server's floor: our cached pages and files against a bare Next.js app of the same version (autocannon, ${CONNECTIONS} connections, ${DURATION} s each, median of ${FLOOR_ROUNDS} alternating rounds; goal ≥ 0.9×)`,
    sizes: [1000],
    run: async (ctx) => {
      const origin = await ctx.start()
      // Reads our API, as any deployed server is asked: from here on ours runs with Node 20's
      // async hooks on, like the bare app after its `/dynamic` (see startBareNext).
      const details = await samplePaths(origin)
      const bytes = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength
      // The bare pages are made as large as ours, and the detail page of a dynamic route like
      // ours, so each pair compares like for like.
      const detailBytes = await bytes(`${origin}${details.scripts}`)
      const homeBytes = await bytes(`${origin}/`)
      const bare = await startBareNext(homeBytes, detailBytes)
      try {
        const sizes = new Map<string, string>()
        for (const [url, base] of [
          [details.scripts, origin],
          ['/', origin],
          ['/b/one', bare.origin],
          ['/', bare.origin],
        ] as const) {
          sizes.set(`${base}${url}`, ((await bytes(`${base}${url}`)) / 1024).toFixed(0))
        }
        // Each of ours against the bare app's page of the same kind, loaded one after the other.
        const pairs: [string, string, string][] = [
          ['detail script (cached)', details.scripts, '/b/one'],
          ['home (cached)', '/', '/'],
          ['robots.txt', '/robots.txt', '/robots.txt'],
          ['embed.js (public file)', '/embed.js', '/file.js'],
        ]
        const rows: Row[] = []
        for (const [name, ours, theirs] of pairs) {
          // Both warmed up first (the JIT, the page caches), then FLOOR_ROUNDS rounds one after the
          // other, each side's median: this machine's speed drifts by more than the gap measured.
          await load(`${bare.origin}${theirs}`, undefined, 2)
          await load(`${origin}${ours}`, undefined, 2)
          const bareRuns: Awaited<ReturnType<typeof loadWithCpu>>[] = []
          const ourRuns: typeof bareRuns = []
          for (let round = 1; round <= FLOOR_ROUNDS; round++) {
            log(`autocannon ${name} (${round}/${FLOOR_ROUNDS})`)
            bareRuns.push(await loadWithCpu(`${bare.origin}${theirs}`, bare.pid))
            ourRuns.push(await loadWithCpu(`${origin}${ours}`, ctx.serverPid()))
          }
          const baseline = medianRun(bareRuns)
          const measured = medianRun(ourRuns)
          const cpu = (runs: typeof bareRuns) =>
            percentile(
              runs.map((run) => run.cpuUs),
              50,
            )
          rows.push({
            size: ctx.label,
            what: name,
            'bare req/s': baseline.rps.toFixed(0),
            'ours req/s': measured.rps.toFixed(0),
            'ours/bare': (measured.rps / Math.max(1, baseline.rps)).toFixed(2),
            'bare kB': sizes.get(`${bare.origin}${theirs}`) ?? '-',
            'ours kB': sizes.get(`${origin}${ours}`) ?? '-',
            'bare p50 ms': baseline.p50,
            'ours p50 ms': measured.p50,
            // The same comparison by the servers' own work: bare CPU per request ÷ ours.
            'bare CPU µs/req': cpu(bareRuns).toFixed(0),
            'ours CPU µs/req': cpu(ourRuns).toFixed(0),
            'CPU bare/ours': (cpu(bareRuns) / Math.max(1, cpu(ourRuns))).toFixed(2),
            goal: '≥ 0.90',
            errors: [...bareRuns, ...ourRuns].reduce((sum, run) => sum + run.errors, 0),
          })
        }
        return rows
      } finally {
        await bare.stop()
      }
    },
  },
  {
    name: 'weight',
    title:
      'Page weight (first-load JS: module scripts only, nomodule excluded; gzip), against a bare Next.js app of the same version (one page, no client component)',
    sizes: [10_000],
    run: async (ctx) => {
      // The export's page sizes are shown when another benchmark of this run exported.
      const exp = ctx.hasExport() ? await ctx.exported() : null
      const origin = await ctx.start()
      const details = await samplePaths(origin)
      // The framework's own floor: what any App Router page loads before our first line.
      const bare = await startBareNext(1000)
      let floor: Awaited<ReturnType<typeof measurePage>>
      try {
        floor = await measurePage(bare.origin, '/')
      } finally {
        await bare.stop()
      }
      const pages: [string, string][] = [
        ['home', '/'],
        ['list', '/scripts'],
        ...Object.entries(details).map(([kind, url]): [string, string] => [`detail ${kind}`, url]),
        ['search', '/search'],
        ['点单', '/orders'],
      ]
      const rows: Row[] = [
        {
          size: '-',
          page: 'bare Next.js (baseline)',
          'JS files': floor.scripts,
          'JS gzip kB': (floor.gzip / 1024).toFixed(1),
          'JS raw kB': (floor.raw / 1024).toFixed(1),
          'JS over bare kB': '0.0',
          'nomodule gzip kB (not loaded)': (floor.nomoduleGzip / 1024).toFixed(1),
          'HTML gzip kB': (floor.htmlGzip / 1024).toFixed(1),
          'CSS gzip kB': (floor.cssGzip / 1024).toFixed(1),
          'total gzip kB': ((floor.gzip + floor.htmlGzip + floor.cssGzip) / 1024).toFixed(1),
          'export HTML kB': '-',
        },
      ]
      for (const [name, url] of pages) {
        const m = await measurePage(origin, url)
        const staticPath = staticPathOf(url)
        const staticFile =
          exp && staticPath ? path.join(exp.out, decodeURI(staticPath), 'index.html') : ''
        const staticHtml = staticFile && existsSync(staticFile) ? readFileSync(staticFile) : null
        rows.push({
          size: ctx.label,
          page: name,
          'JS files': m.scripts,
          'JS gzip kB': (m.gzip / 1024).toFixed(1),
          'JS raw kB': (m.raw / 1024).toFixed(1),
          'JS over bare kB': ((m.gzip - floor.gzip) / 1024).toFixed(1),
          'nomodule gzip kB (not loaded)': (m.nomoduleGzip / 1024).toFixed(1),
          'HTML gzip kB': (m.htmlGzip / 1024).toFixed(1),
          'CSS gzip kB': (m.cssGzip / 1024).toFixed(1),
          'total gzip kB': ((m.gzip + m.htmlGzip + m.cssGzip) / 1024).toFixed(1),
          'export HTML kB': staticHtml ? (staticHtml.length / 1024).toFixed(1) : '-',
        })
      }
      return rows
    },
  },
  {
    name: 'lighthouse',
    title: `Lighthouse 12.2.3, mobile (median of ${LIGHTHOUSE_RUNS} per page): next start and the static copy behind nginx; goal performance ≥ 95, the others 100, no console errors`,
    sizes: [1000],
    run: (ctx) =>
      besideTheCopy(ctx, async (origin, details) => {
        const search = `?q=${encodeURIComponent('彩礼')}`
        // [page, live URL, the static copy's URL (null: needs a server)]
        const pages: [string, string, string | null][] = [
          ['home', '/', '/'],
          ['list', '/scripts', '/scripts/'],
          ['list filtered', '/scripts?topic=yifeng-yisu&format=bandeng', null],
          ...Object.entries(details).map(([kind, url]): [string, string, string] => [
            `detail ${kind}`,
            url,
            `${url}/`,
          ]),
          ['search', `/search${search}`, `/search/${search}`],
          ['点单', '/orders', '/orders/'],
        ]
        const rows: Row[] = []
        let done = 0
        const total = pages.length * 2
        for (const [name, url, staticUrl] of pages) {
          await fetch(`${origin}${url}`) // the first render is not what a reader meets
          const targets: [string, string | null][] = [
            ['next start', `${origin}${url}`],
            ['static', staticUrl ? `http://127.0.0.1:${PORT_STATIC}${staticUrl}` : null],
          ]
          for (const [server, target] of targets) {
            done += 1
            if (!target) {
              const blank = Object.fromEntries(
                [
                  'accessibility',
                  'best practices',
                  'seo',
                  'LCP ms',
                  'FCP ms',
                  'TBT ms',
                  'CLS',
                  'console errors',
                  'below 100',
                ].map((column) => [column, '-']),
              )
              rows.push({ size: ctx.label, page: name, server, performance: 'n/a', ...blank })
              continue
            }
            log(`lighthouse ${done}/${total} ${server} ${name}`)
            const result = await medianAudit(target, LIGHTHOUSE_RUNS)
            rows.push({
              size: ctx.label,
              page: name,
              server,
              performance: result.performance,
              accessibility: result.accessibility,
              'best practices': result.bestPractices,
              seo: result.seo,
              'LCP ms': result.lcpMs,
              'FCP ms': result.fcpMs,
              'TBT ms': result.tbtMs,
              CLS: result.cls,
              'console errors': result.consoleErrors.length,
              'below 100': result.failing.join(' ') || '-',
            })
            for (const error of result.consoleErrors) log(`  控制台错误 console error: ${error}`)
          }
        }
        return rows
      }),
  },
  {
    // Last of the 1k benchmarks: it publishes scripts that the static copy of this size lacks.
    name: 'load',
    title: `Load (npm run test:load, ${LOAD_DURATION} s): ${LOAD_CONNECTIONS} readers across the portal's pages while an editor publishes a script every second, next start; baseline: a bare Next.js app's one page under the same connections; goal 0 failures, p99 ≤ 1000 ms, every publish visible`,
    sizes: [1000],
    run: async (ctx) => {
      const origin = await ctx.start()
      const ours = await runLoad({
        origin,
        duration: LOAD_DURATION,
        connections: LOAD_CONNECTIONS,
        log,
      })
      const home = (await (await fetch(`${origin}/`)).arrayBuffer()).byteLength
      await stopServers()
      const bare = await startBareNext(home)
      let baseline: autocannon.Result
      try {
        log(`autocannon bare Next.js, ${LOAD_CONNECTIONS} connections`)
        baseline = await autocannon({
          url: `${bare.origin}/`,
          connections: LOAD_CONNECTIONS,
          duration: LOAD_DURATION,
          timeout: 30,
        })
      } finally {
        await bare.stop()
      }
      const bareFailed = baseline.errors + baseline.non2xx
      return [
        {
          size: ctx.label,
          server: `ours, ${ours.paths} pages + publishing`,
          'req/s': ours.perSecond,
          failed: ours.failed,
          timeouts: ours.timeouts,
          'p50 ms': ours.latency.p50,
          'p99 ms': ours.latency.p99,
          'max ms': ours.latency.max,
          visible: `${ours.visible}/${ours.published}`,
          'p99 vs bare': (ours.latency.p99 / Math.max(1, baseline.latency.p99)).toFixed(2),
          goal: 'failed 0, p99 ≤ 1000, all visible',
          met: ours.ok && ours.latency.p99 <= 1000 ? 'yes' : 'no',
        },
        {
          size: ctx.label,
          server: 'bare Next.js, one page (baseline)',
          'req/s': Math.round(baseline.requests.average),
          failed: bareFailed,
          timeouts: baseline.timeouts,
          'p50 ms': baseline.latency.p50,
          'p99 ms': baseline.latency.p99,
          'max ms': baseline.latency.max,
          visible: '-',
          'p99 vs bare': '1.00',
          goal: '-',
          met: '-',
        },
      ]
    },
  },
  {
    name: 'search',
    title: 'Search (from bench/results/search.json; rerun with --search)',
    sizes: [0],
    write: false,
    run: async () => {
      if (flag('search')) {
        await run('npm', ['run', 'bench:search'], { label: 'bench:search' })
      }
      const file = path.join(ROOT, 'bench/results/search.json')
      if (!existsSync(file))
        return [{ note: '没有搜索结果 no search results: npm run bench:search' }]
      const data = JSON.parse(readFileSync(file, 'utf8')) as {
        at: string
        latency: Row[]
        recall: Row[]
      }
      const recall = new Map(data.recall.map((row) => [row.engine, row.recall]))
      return data.latency.map((row) => ({
        ...row,
        recall:
          recall.get(
            String(row.engine).replace(' (disk)', '').replace('static client', 'static index'),
          ) ??
          recall.get(String(row.engine).replace(' (SQLite)', ' (title, summary)')) ??
          '-',
        measured: data.at.slice(0, 16),
      }))
    },
  },
]

/**
 * The baseline of the `floor` benchmark: a bare Next.js app of the version we run, built like ours
 * (Turbopack) once per run: a prerendered page `/` of Chinese text about `pageBytes` long, a
 * prerendered page of a dynamic route, `/b/one`, about `detailBytes` long (Next.js prepares a
 * dynamic route's parameters on every request, even for a prerendered page: our detail pages pay
 * that too), `robots.txt` from a metadata route and a file from `public/`. It lives in
 * `.bench-bare/` of this checkout (ignored by git and the linters): Turbopack compiles only inside
 * the workspace that holds node_modules. It has Next.js's default configuration, not ours. Runs on
 * PORT_NEXT + 2.
 *
 * It also has one route handler rendered per request, `/dynamic`, which it serves once before it is
 * measured, as ours serves its API: on Node 20 the first request Next.js runs inside its
 * AsyncLocalStorage stores (any route handler, proxy or page rendered per request) turns on async
 * hooks for the whole process, and from then on every promise pays for them (≈ 35 µs of a public
 * file's ≈ 275 µs here). A server that has never run such a request is not what anyone deploys.
 */
async function startBareNext(
  pageBytes: number,
  detailBytes = pageBytes,
): Promise<{ origin: string; stop: () => Promise<void>; pid: number }> {
  const app = path.join(ROOT, '.bench-bare')
  const port = PORT_NEXT + 2
  {
    rmSync(app, { recursive: true, force: true })
    mkdirSync(path.join(app, 'app'), { recursive: true })
    mkdirSync(path.join(app, 'public'), { recursive: true })
    const paragraph =
      '岚川县的院坝会开到了第三期，宣讲员用本地话讲移风易俗，讲完大家围坐在一起说说自家的打算。'
    // ≈ 500 bytes a paragraph in the page: its HTML and its copy in the inlined render data.
    const paragraphsOf = (bytes: number) =>
      Array.from(
        { length: Math.max(1, Math.round(bytes / 500)) },
        (_, i) => `${i + 1}. ${paragraph}`,
      )
    const paragraphs = paragraphsOf(pageBytes)
    mkdirSync(path.join(app, 'app', 'b', '[slug]'), { recursive: true })
    writeFileSync(
      path.join(app, 'app', 'b', '[slug]', 'page.js'),
      `export const dynamicParams = false\n` +
        `export function generateStaticParams() {\n  return [{ slug: 'one' }]\n}\n` +
        `const paragraphs = ${JSON.stringify(paragraphsOf(detailBytes))}\n` +
        `export default async function Detail({ params }) {\n` +
        `  const { slug } = await params\n` +
        `  return <main data-slug={slug}>{paragraphs.map((text) => <p key={text}>{text}</p>)}</main>\n}\n`,
    )
    writeFileSync(
      path.join(app, 'app', 'layout.js'),
      `export const metadata = { title: '基线' }\n` +
        `export default function Layout({ children }) {\n` +
        `  return <html lang="zh-CN"><body>{children}</body></html>\n}\n`,
    )
    writeFileSync(
      path.join(app, 'app', 'page.js'),
      `const paragraphs = ${JSON.stringify(paragraphs)}\n` +
        `export default function Page() {\n` +
        `  return <main>{paragraphs.map((text) => <p key={text}>{text}</p>)}</main>\n}\n`,
    )
    mkdirSync(path.join(app, 'app', 'dynamic'), { recursive: true })
    writeFileSync(
      path.join(app, 'app', 'dynamic', 'route.js'),
      `export const dynamic = 'force-dynamic'\n` +
        `export async function GET() {\n  return Response.json({ at: Date.now() })\n}\n`,
    )
    writeFileSync(
      path.join(app, 'app', 'robots.js'),
      `export default function robots() {\n` +
        `  return { rules: { userAgent: '*', allow: '/' }, sitemap: 'http://127.0.0.1/sitemap.xml' }\n}\n`,
    )
    writeFileSync(
      path.join(app, 'public', 'file.js'),
      readFileSync(path.join(ROOT, 'public/embed.js')),
    )
    // Its own (empty) instrumentation hook: without one, Turbopack compiles ours into it (the
    // workspace root is this checkout), and the bare app would start Payload.
    writeFileSync(path.join(app, 'instrumentation.js'), 'export function register() {}\n')
    // And its own (default) configuration: Next.js looks for next.config.* in the app's folder and
    // then in each parent, so without one the bare app ran with ours (our headers, our cache
    // handler, Payload's wrapper) and was not bare (until 2026-12-07).
    writeFileSync(path.join(app, 'next.config.mjs'), 'export default {}\n')
    log('基线 bare Next.js app: next build…')
    await run(process.execPath, [nextBin(), 'build', app], {
      label: 'bare next build',
      env: { NODE_OPTIONS: '--no-deprecation' },
      quiet: true,
    })
  }
  const proc = startProcess(process.execPath, [nextBin(), ...nextStartArgs(port, app)], {
    NODE_OPTIONS: '--no-deprecation',
  })
  const origin = `http://127.0.0.1:${port}`
  try {
    await waitFor(`${origin}/robots.txt`)
    await waitFor(`${origin}/dynamic`)
  } catch (err) {
    process.stdout.write(proc.log())
    await proc.stop()
    throw err
  }
  return { origin, stop: proc.stop, pid: proc.child.pid ?? 0 }
}

async function startNginx(root: string, dir: string) {
  const conf = path.join(dir, 'nginx.conf')
  writeFileSync(
    conf,
    `worker_processes 1;
user root root;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path ${dir}/nginx-tmp;
  server {
    listen 127.0.0.1:${PORT_STATIC};
    root ${root};
    index index.html;
    location / { try_files $uri $uri/ =404; }
  }
}
`,
  )
  mkdirSync(path.join(dir, 'nginx-tmp'), { recursive: true })
  const proc = startProcess('/usr/sbin/nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'])
  try {
    await waitFor(`http://127.0.0.1:${PORT_STATIC}/`, 10)
  } catch (err) {
    process.stdout.write(proc.log())
    throw err
  }
  return proc
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const names = args.filter(
    (arg, i) =>
      !arg.startsWith('--') &&
      !args[i - 1]?.match(
        /^--(size|duration|connections|publishes|lighthouse-runs|load-duration|load-connections|rounds)$/,
      ),
  )
  const unknown = names.filter((name) => name !== 'all' && !BENCHMARKS.some((b) => b.name === name))
  if (unknown.length > 0 || flag('help')) {
    console.log(
      `用法 usage: npm run bench [-- <benchmark>… --size 1k,10k --duration 5 --connections 10 --publishes 20 --lighthouse-runs 3 --load-duration 60 --load-connections 200 --rounds 3 --fresh --search --no-mongo]\n` +
        `benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    )
    process.exit(unknown.length > 0 ? 2 : 0)
  }
  const selected =
    names.length === 0 || names.includes('all')
      ? BENCHMARKS
      : BENCHMARKS.filter((b) => names.includes(b.name))
  const forced = args.includes('--size') ? option('size', '1k').split(',').map(parseSize) : null
  const sizes = [...new Set(selected.flatMap((b) => forced ?? b.sizes))]
    .filter((s) => s > 0)
    .sort((a, b) => a - b)

  const work = mkdtempSync(path.join(tmpdir(), 'ph-bench-'))
  const started = Date.now()
  log(`工作目录 work dir ${work}; 缓存 cache ${CACHE}; ${cpus().length} CPU, ${mb(totalmem())} MB`)
  const results = new Map<string, Row[]>()
  const stop = async () => {
    await stopServers()
    ;(await mongoTarget)?.stop()
    rmSync(work, { recursive: true, force: true })
  }
  process.on('SIGINT', () => void stop().then(() => process.exit(130)))
  try {
    // Size by size (one build at a time), each benchmark that applies to the size.
    for (const size of [...sizes, 0]) {
      const ctx = size > 0 ? new SizeContext(size, work) : null
      for (const bench of selected) {
        const applies =
          size === 0
            ? bench.sizes.includes(0)
            : (forced ?? bench.sizes).includes(size) && !bench.sizes.includes(0)
        if (!applies) continue
        log(
          `── ${bench.name}${ctx ? ` @ ${ctx.label}` : ''} (${((Date.now() - started) / 60000).toFixed(1)} min)`,
        )
        const rows = await bench.run(ctx as SizeContext)
        results.set(bench.name, [...(results.get(bench.name) ?? []), ...rows])
        printTable(`${bench.title}${ctx ? ` @ ${ctx.label}` : ''}`, rows)
      }
      await stopServers()
    }
  } finally {
    await stop()
  }
  console.log(
    `\n════ 汇总 Summary (${((Date.now() - started) / 60000).toFixed(1)} min, ${new Date().toISOString()}) ════`,
  )
  for (const bench of selected) {
    const rows = results.get(bench.name)
    if (!rows) continue
    printTable(bench.title, rows)
    const summary = bench.summarize?.(rows)
    if (summary) printTable(`${bench.name}: summary`, [summary])
    if (bench.write === false) continue
    const file = writeResult(bench.name, {
      command: args.length > 0 ? `npm run bench -- ${args.join(' ')}` : 'npm run bench',
      machine: { cpus: cpus().length, memMB: Number(mb(totalmem())), node: process.version },
      title: bench.title,
      rows,
      summary,
    })
    log(`结果 results → ${path.relative(ROOT, file)}`)
  }
  process.exit(0)
}

await main()
