import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { type APIRequestContext, expect, test } from '@playwright/test'

import { paragraphsToLexical } from '../../src/lib/lexicalDocument'
import { PAGE_SIZE } from '../../src/lib/listQuery'
import { exportSite } from '../../src/lib/staticSite/exportSite'
import { publishedDemo } from '../helpers/demo'
import {
  cardSlugs,
  hasStaticFile,
  mentions,
  readPath,
  readPaths,
  type Reading,
  settle,
  siteTexts,
  staticPathOf,
} from '../helpers/freshness'
import {
  adminHeaders,
  type AdminHeaders,
  differingFiles,
  manifestAt,
  snapshot,
  STATIC_PUBLIC_URL,
  STATIC_ROOT,
  waitForStaticPublisher,
} from '../helpers/staticSite'
import { brokenWithReferrers, crawl, serveStatic } from '../helpers/staticServer'

/**
 * Freshness: one published script shown in every kind of place (its pages, another resource's
 * related list, topic and org pages with their ancestors, list pages, home, search, feeds,
 * widgets, oEmbed, the sitemap) is unpublished, republished, renamed, moved to another org and
 * deleted. After each step the live site is read as the very next visitor reads it, then crawled
 * whole; the static site on disk (STATIC_SITE_DIR, kept by the app's publisher) and a fresh
 * export must show the same. Everything runs twice: without, and with a draft edit saved (and
 * left pending) before each step.
 *
 * A withdrawal is visible to the very next reader: after each step the first request to every
 * watched URL must already give the 404 for a dead URL (unpublished, deleted, or an old slug), and
 * no page may link to one, with no retry. What newly appears (a publication, a move) may take
 * up to SETTLE_MS, as stale-while-revalidate allows for an edit. The static files are checked once
 * the publisher's queue is empty (at most STATIC_WAIT_MS).
 *
 * Runs in its own project after `live` and before `static` (playwright.config.ts): it changes what
 * the portal lists, and puts the demo county back as it found it.
 */

const KIND = 'scripts'
const FIRST_ORG = 'xinghua'
const SECOND_ORG = 'shangling'
const TOPIC = 'hunshi-xinban'
/** Words only this test's scripts contain, for `/search?q=`. */
const SEARCH_WORDS = '晒秋坝'
/** Longer than any demo script: last on the "shortest first" list, i.e. on its page N. */
const DURATION = 90
const FEED_FORMATS = ['rss.xml', 'atom.xml', 'feed.json']
/** A change that is not a withdrawal may take this long to show (stale-while-revalidate). */
const SETTLE_MS = 15_000
/** The static publisher has this long to finish its queue after a step. */
const STATIC_WAIT_MS = 60_000

/** Published demo resources whose related lists get the test script (restored afterwards). */
const HOSTS = [
  { kind: 'scripts' as const, slug: 'retang-juli' },
  { kind: 'cases' as const, slug: publishedDemo('cases')[1].slug },
]

type Ref = { relationTo: string; value: number | string }
type Named = { id: number | string; slug: string; name: string; parent: number | string | null }
type Taxonomy = { orgs: Named[]; topics: Named[] }

/** Where the script stands after a step. */
type Scene = {
  slug: string
  org: string
  /** Visible to the public. */
  shown: boolean
  /** The summary the public detail page must show. */
  summary: string
}

type Variant = { name: string; label: string; pendingDraft: boolean }

const VARIANTS: Variant[] = [
  { name: 'without a pending draft', label: '甲', pendingDraft: false },
  { name: 'with a draft edit pending before each step', label: '乙', pendingDraft: true },
]

const siteUrl = () => (process.env.SITE_URL ?? test.info().project.use.baseURL) as string

const idOf = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: number | string }).id : (value as number)

function lineage(nodes: Named[], slug: string): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const out: string[] = []
  let node = nodes.find((item) => item.slug === slug)
  while (node) {
    out.push(node.slug)
    node = node.parent === null ? undefined : byId.get(node.parent)
  }
  return out
}

async function loadTaxonomy(request: APIRequestContext, headers: AdminHeaders): Promise<Taxonomy> {
  const load = async (collection: 'orgs' | 'topics') => {
    const response = await request.get(`/api/${collection}?limit=200&depth=0`, { headers })
    expect(response.status()).toBe(200)
    return ((await response.json()).docs as Record<string, unknown>[]).map((doc) => ({
      id: doc.id as number,
      slug: doc.slug as string,
      name: doc.name as string,
      parent: (idOf(doc.parent) ?? null) as number | null,
    }))
  }
  return { orgs: await load('orgs'), topics: await load('topics') }
}

/** Slugs of every published script, from the public API (what list pages must show together). */
async function publishedSlugs(origin: string): Promise<string[]> {
  const response = await fetch(
    `${origin}/api/${KIND}?limit=500&depth=0&where[_status][equals]=published&select[slug]=true`,
  )
  expect(response.status).toBe(200)
  return ((await response.json()).docs as { slug: string }[]).map((doc) => doc.slug)
}

/** A resource's own URLs: its page and file, its widget and its oEmbed answers. */
function ownPaths(slug: string): string[] {
  const detail = `/${KIND}/${slug}`
  return [
    detail,
    `${detail}/script.docx`,
    `/embed/${KIND}/${slug}`,
    `/oembed/${KIND}/${slug}.json`,
    `/api/oembed?url=${encodeURIComponent(`${siteUrl()}${detail}`)}`,
  ]
}

/** Every place that lists the script when it is public in `org`; `pages`: pages of its list. */
function listingPaths(taxonomy: Taxonomy, org: string, pages: number): string[] {
  const topics = lineage(taxonomy.topics, TOPIC)
  const orgs = lineage(taxonomy.orgs, org)
  const feedScopes = [
    '',
    `/${KIND}`,
    ...topics.map((slug) => `/topic/${slug}`),
    ...orgs.map((slug) => `/org/${slug}`),
  ]
  return [
    '/',
    `/${KIND}`,
    `/${KIND}?sort=shortest&page=${pages}`,
    `/search?q=${encodeURIComponent(SEARCH_WORDS)}`,
    '/sitemap.xml',
    `/embed/${KIND}`,
    ...topics.flatMap((slug) => [`/topics/${slug}`, `/embed/topics/${slug}`]),
    ...orgs.flatMap((slug) => [`/orgs/${slug}`, `/embed/orgs/${slug}`]),
    ...feedScopes.flatMap((scope) => FEED_FORMATS.map((format) => `/feeds${scope}/${format}`)),
    ...HOSTS.map((host) => `/${host.kind}/${host.slug}`),
  ]
}

const pagesFor = (count: number) => Math.max(1, Math.ceil(count / PAGE_SIZE))

/** Pages that list by org: they list the script only while it belongs to that org's subtree. */
const orgOnly = (portalPath: string) => /^\/(orgs|embed\/orgs|feeds\/org)\//.test(portalPath)

/** A line per problem, e.g. `/topics/x → /scripts/old`, for readable soft assertions. */
const linksTo = (reading: { path: string; text: string }, slugs: string[]) =>
  slugs
    .filter((slug) => mentions(reading.text, KIND, slug))
    .map((slug) => `${reading.path} → /${KIND}/${slug}`)

/** Whether a reading is the "gone" answer a withdrawn URL must give. */
const isGone = (reading: Reading) => reading.status === 404 || reading.status === 410

for (const variant of VARIANTS) {
  test.describe(`freshness ${variant.name}`, () => {
    test.describe.configure({ mode: 'serial' })

    let originals: { id: number | string; kind: string; related: Ref[] }[] = []
    let created: number | string | null = null

    test.afterEach(async ({ request }, testInfo) => {
      const headers = await adminHeaders(request)
      if (created !== null) {
        await request.delete(`/api/${KIND}/${created}`, { headers })
        created = null
      }
      for (const host of originals) {
        await request.patch(`/api/${host.kind}/${host.id}`, {
          headers,
          data: { related: host.related },
        })
      }
      if (testInfo.status !== testInfo.expectedStatus) {
        // Whatever a failure left stale must not leak into the projects after this one: a change
        // to the `site` settings refreshes every page and republishes the whole static site.
        const site = await (await request.get('/api/globals/site?depth=0', { headers })).json()
        await request.post('/api/globals/site', { headers, data: { name: site.name } })
        if (STATIC_ROOT) await waitForStaticPublisher(request, headers).catch(() => undefined)
      }
    })

    test(`a script ${variant.name}: unpublish, republish, rename, move, delete`, async ({
      request,
      baseURL,
    }) => {
      test.setTimeout(420_000)
      const origin = baseURL as string
      const headers = await adminHeaders(request)
      const taxonomy = await loadTaxonomy(request, headers)
      const orgId = (slug: string) => taxonomy.orgs.find((org) => org.slug === slug)?.id
      const orgName = (slug: string) => taxonomy.orgs.find((org) => org.slug === slug)?.name ?? ''
      expect(lineage(taxonomy.orgs, FIRST_ORG).length).toBeGreaterThan(2)
      expect(lineage(taxonomy.topics, TOPIC).length).toBeGreaterThan(1)
      if (STATIC_ROOT) await waitForStaticPublisher(request, headers)

      const stamp = Date.now().toString(36)
      const tag = variant.pendingDraft ? 'b' : 'a'
      const title = `${SEARCH_WORDS}上说新风（${variant.label}）`
      const firstSlug = `fresh-${tag}-${stamp}`
      const secondSlug = `fresh-renamed-${tag}-${stamp}`
      let scene: Scene = {
        slug: firstSlug,
        org: FIRST_ORG,
        shown: false,
        summary: `杏花村的晒秋坝上，老支书把今年晒秋节的新规矩讲给乡亲们听（${variant.label}稿）。`,
      }
      /** Every slug this script has had: any of them not its current public slug is dead. */
      const slugsUsed = [firstSlug, secondSlug]
      const orgsUsed = [FIRST_ORG, SECOND_ORG]
      const deadSlugs = (state: Scene) =>
        slugsUsed.filter((slug) => !state.shown || slug !== state.slug)

      /** Paths watched around a step: everything that shows, or showed, any state of the script. */
      const watched = async () => {
        const pages = pagesFor((await publishedSlugs(origin)).length + 1)
        const paths = new Set<string>()
        for (const slug of slugsUsed) for (const item of ownPaths(slug)) paths.add(item)
        for (const org of orgsUsed) {
          for (const page of new Set([pages - 1, pages].filter((n) => n >= 1))) {
            for (const item of listingPaths(taxonomy, org, page)) paths.add(item)
          }
        }
        for (let page = 1; page <= pages; page += 1) paths.add(`/${KIND}?page=${page}`)
        return [...paths]
      }

      // The script: created as a draft, published, and listed as related by two demo resources.
      const prime = await readPaths(origin, await watched())
      expect(prime.find((reading) => reading.path === `/${KIND}/${firstSlug}`)?.status).toBe(404)
      const createdResponse = await request.post(`/api/${KIND}?draft=true`, {
        headers,
        data: {
          title,
          slug: firstSlug,
          summary: scene.summary,
          org: orgId(FIRST_ORG),
          topics: [taxonomy.topics.find((topic) => topic.slug === TOPIC)?.id],
          format: 'bandeng',
          durationMinutes: DURATION,
          body: paragraphsToLexical([
            '乡亲们，秋收过后家家都在坝子上晒谷子、晒辣椒，今天借这个晒秋坝说说新风气。',
            '晒秋节不比排场、不摆长桌宴，省下的钱添进村里的敬老食堂。',
          ]),
          _status: 'draft',
        },
      })
      expect(createdResponse.status()).toBe(201)
      const id = (await createdResponse.json()).doc.id as number | string
      created = id
      const publish = await request.patch(`/api/${KIND}/${id}`, {
        headers,
        data: { _status: 'published' },
      })
      expect(publish.status()).toBe(200)
      scene = { ...scene, shown: true }
      originals = []
      for (const host of HOSTS) {
        const found = await (
          await request.get(`/api/${host.kind}?where[slug][equals]=${host.slug}&depth=0`, {
            headers,
          })
        ).json()
        const doc = found.docs[0]
        expect(doc, `示例资源 ${host.kind}/${host.slug}`).toBeDefined()
        const related = ((doc.related ?? []) as Ref[]).map((item) => ({
          relationTo: item.relationTo,
          value: idOf(item.value) as number,
        }))
        originals.push({ id: doc.id, kind: host.kind, related })
        const linked = await request.patch(`/api/${host.kind}/${doc.id}`, {
          headers,
          data: { related: [...related, { relationTo: KIND, value: id }] },
        })
        expect(linked.status()).toBe(200)
      }

      /** Problems with one state of the live site, read now (one request per path). */
      const liveProblems = async (state: Scene, pendingMarker: string | null) => {
        const count = (await publishedSlugs(origin)).length
        const shownAt = new Set(
          state.shown ? listingPaths(taxonomy, state.org, pagesFor(count)) : [],
        )
        const readings = await readPaths(origin, await watched())
        const problems: string[] = []
        for (const reading of readings) {
          if (reading.status >= 500) problems.push(`${reading.status} ${reading.path}`)
          const own = state.shown && ownPaths(state.slug).includes(reading.path)
          if (own && reading.status !== 200)
            problems.push(`${reading.status} ${reading.path}（应可访问）`)
          if (reading.path === `/${KIND}/${state.slug}` && state.shown) {
            if (!reading.text.includes(state.summary))
              problems.push(`${reading.path} 摘要不是最新发布的内容`)
            if (!reading.text.includes(orgName(state.org)))
              problems.push(`${reading.path} 未显示所属组织 ${orgName(state.org)}`)
          }
          if (pendingMarker && reading.text.includes(pendingMarker)) {
            problems.push(`${reading.path} 泄露了未发布的草稿`)
          }
          const listed = mentions(reading.text, KIND, state.slug)
          if (shownAt.has(reading.path) && !listed)
            problems.push(`${reading.path} 未列出 /${KIND}/${state.slug}`)
          if (state.shown && orgOnly(reading.path) && !shownAt.has(reading.path) && listed) {
            problems.push(`${reading.path} 仍列出已移走的 /${KIND}/${state.slug}`)
          }
        }
        return problems
      }

      /**
       * What is wrong with one page or file for a state of the script: links to dead slugs, the
       * title of a withdrawn script, a pending draft. The dead slugs' own URLs are judged by their
       * status (or existence) instead.
       */
      const textProblems = (
        where: string,
        text: string,
        state: Scene,
        dead: string[],
        pendingMarker: string | null,
      ) => {
        const problems = linksTo({ path: where, text }, dead)
        if (problems.length === 0 && !state.shown && text.includes(title)) {
          problems.push(`${where} 仍显示标题“${title}”`)
        }
        if (pendingMarker && text.includes(pendingMarker))
          problems.push(`${where} 泄露了未发布的草稿`)
        return problems
      }
      const deadOwn = (dead: string[]) => new Set(dead.flatMap((slug) => ownPaths(slug)))

      /**
       * The live site after a step: the very next reading of every watched URL (a withdrawal must
       * already show there), the settled state, then a crawl of the whole portal.
       */
      const verifyLive = async (step: string, state: Scene, pendingMarker: string | null) => {
        const dead = deadSlugs(state)
        const gone = deadOwn(dead)
        const first: string[] = []
        for (const reading of await readPaths(origin, await watched())) {
          if (gone.has(reading.path)) {
            if (!isGone(reading)) first.push(`${reading.status} ${reading.path}（应为 404）`)
          } else first.push(...textProblems(reading.path, reading.text, state, dead, pendingMarker))
        }
        expect.soft(first, `${step}：下一次请求就应看到撤下的结果`).toEqual([])

        const settled = await settle(() => liveProblems(state, pendingMarker), SETTLE_MS)
        expect
          .soft(settled.problems, `${step}：${SETTLE_MS / 1000} 秒内门户应显示新状态`)
          .toEqual([])

        // The whole portal as a crawler sees it, from the home page and the watched URLs. Filtered
        // pages (search facets) are read when a start URL, not followed: they are rendered per
        // request, and following them multiplies the crawl many times over.
        const started = Date.now()
        const filtered = (url: URL) => [...url.searchParams.keys()].some((key) => key !== 'page')
        const live = await crawl(
          [...new Set(['/', '/robots.txt', ...(await watched())])].map(
            (item) => `${origin}${item}`,
          ),
          { keepText: true, dataLinks: true, follow: (url) => !filtered(url) },
        )
        const crawlMs = Date.now() - started
        const broken = brokenWithReferrers({
          ...live,
          // Dead URLs read only because this test watches them are fine while nothing links them.
          broken: live.broken.filter((entry) => {
            const url = entry.split(' ')[1]
            return !gone.has(url.slice(origin.length)) || live.linkedFrom.has(url)
          }),
        })
        expect.soft(broken, `${step}：门户上不应有失效链接（← 为链接所在页面）`).toEqual([])
        const crawled: string[] = []
        for (const url of live.ok) {
          const where = url.slice(origin.length)
          if (gone.has(where)) crawled.push(`${where} 仍可访问（应为 404）`)
        }
        for (const [url, text] of live.texts) {
          const where = url.slice(origin.length)
          if (!gone.has(where))
            crawled.push(...textProblems(where, text, state, dead, pendingMarker))
        }
        if (state.shown && !live.ok.includes(`${origin}/${KIND}/${state.slug}`)) {
          crawled.push(`/${KIND}/${state.slug} 无法通过链接访问到`)
        }
        expect.soft(crawled, `${step}：整站抓取`).toEqual([])
        const expected = (await publishedSlugs(origin)).sort()
        const listed: string[] = []
        for (let page = 1; page <= pagesFor(expected.length); page += 1) {
          const url = page === 1 ? `${origin}/${KIND}` : `${origin}/${KIND}?page=${page}`
          listed.push(...cardSlugs(live.texts.get(url) ?? '', KIND))
        }
        expect
          .soft(listed.sort(), `${step}：列表各页合起来应正好是已发布的宣讲稿`)
          .toEqual(expected)
        return {
          expected,
          settledMs: settled.ms,
          crawlMs,
          crawled: live.ok.length + live.broken.length,
        }
      }

      /** The static site on disk once the app's publisher has finished its queue. */
      const verifyStatic = async (
        step: string,
        state: Scene,
        expected: string[],
        pendingMarker: string | null,
      ) => {
        if (!STATIC_ROOT) return 0
        const started = Date.now()
        const idle = await waitForStaticPublisher(request, headers, STATIC_WAIT_MS).then(
          () => null,
          (err: Error) => err.message.split('\n')[0],
        )
        expect.soft(idle, `${step}：静态发布应在 ${STATIC_WAIT_MS / 1000} 秒内完成`).toBeNull()
        const waited = Date.now() - started
        const onDisk = await staticProblems(STATIC_ROOT, state, expected, pendingMarker)
        expect.soft(onDisk, `${step}：静态站（磁盘上的文件）`).toEqual([])
        return waited
      }

      /**
       * A fresh export of the same content equals the published folder byte for byte, and both
       * hold no broken link.
       */
      const verifyExport = async (
        step: string,
        state: Scene,
        expected: string[],
        pendingMarker: string | null,
      ) => {
        if (!STATIC_ROOT) return
        const exportRoot = mkdtempSync(path.join(tmpdir(), 'practice-hub-freshness-'))
        const outDir = path.join(exportRoot, 'site')
        try {
          const failed = await exportSite({
            origin,
            outDir,
            siteUrl: process.env.SITE_URL,
            publicUrl: STATIC_PUBLIC_URL,
          }).then(
            () => null,
            (err: Error) => err.message,
          )
          expect.soft(failed, `${step}：导出应成功`).toBeNull()
          if (failed !== null) return
          const problems = await staticProblems(outDir, state, expected, pendingMarker)
          expect.soft(problems, `${step}：全新导出的静态站`).toEqual([])
          const [published, fresh] = await Promise.all([snapshot(STATIC_ROOT), snapshot(outDir)])
          expect
            .soft(differingFiles(published, fresh).slice(0, 20), `${step}：静态站应与全新导出一致`)
            .toEqual([])
          for (const [name, dir] of [
            ['静态站', STATIC_ROOT],
            ['导出', outDir],
          ]) {
            const server = await serveStatic(dir)
            try {
              const site = await crawl([`${server.origin}/`, `${server.origin}/robots.txt`])
              expect.soft(brokenWithReferrers(site), `${step}：${name}不应有失效链接`).toEqual([])
              expect(site.ok.length).toBeGreaterThan(200)
            } finally {
              await server.close()
            }
          }
        } finally {
          rmSync(exportRoot, { recursive: true, force: true })
        }
      }

      const verify = async (
        step: string,
        state: Scene,
        pendingMarker: string | null,
        withExport: boolean,
      ) => {
        const started = Date.now()
        const live = await verifyLive(step, state, pendingMarker)
        const staticMs = await verifyStatic(step, state, live.expected, pendingMarker)
        if (withExport) await verifyExport(step, state, live.expected, pendingMarker)
        console.log(
          `[measure] ${variant.label} ${step}: settled ${live.settledMs} ms, crawl ${live.crawled} URLs ` +
            `${live.crawlMs} ms, static queue ${staticMs} ms, step total ${Date.now() - started} ms`,
        )
      }

      /** Problems with a static site folder for one state of the script. */
      const staticProblems = async (
        dir: string,
        state: Scene,
        expected: string[],
        pendingMarker: string | null,
      ) => {
        const dead = deadSlugs(state)
        const problems: string[] = []
        const texts = await siteTexts(dir)
        const gone = new Set([...deadOwn(dead)].map(staticPathOf).filter((file) => file !== null))
        for (const file of gone) {
          if (await hasStaticFile(dir, file)) problems.push(`${file} 仍存在`)
        }
        for (const [exported, text] of texts) {
          if (!gone.has(exported)) {
            problems.push(...textProblems(exported, text, state, dead, pendingMarker))
          }
        }
        if (state.shown) {
          for (const own of ownPaths(state.slug)) {
            const file = staticPathOf(own)
            if (file && !(await hasStaticFile(dir, file))) problems.push(`${file} 缺失`)
          }
          const detail = texts.get(`/${KIND}/${state.slug}/`) ?? ''
          if (!detail.includes(state.summary))
            problems.push(`/${KIND}/${state.slug}/ 摘要不是最新发布的内容`)
          const shownAt = listingPaths(taxonomy, state.org, pagesFor(expected.length))
          for (const portalPath of shownAt) {
            const file = staticPathOf(portalPath)
            if (!file) continue
            if (!mentions(texts.get(file) ?? '', KIND, state.slug))
              problems.push(`${file} 未列出 /${KIND}/${state.slug}/`)
          }
          for (const org of orgsUsed.filter((slug) => slug !== state.org)) {
            for (const portalPath of listingPaths(taxonomy, org, 1).filter(orgOnly)) {
              const file = staticPathOf(portalPath)
              if (!file || shownAt.includes(portalPath)) continue
              if (mentions(texts.get(file) ?? '', KIND, state.slug))
                problems.push(`${file} 仍列出已移走的 /${KIND}/${state.slug}/`)
            }
          }
          const index = [...texts.keys()].filter((file) => file.startsWith('/search-index/docs/'))
          if (!index.some((file) => mentions(texts.get(file) ?? '', KIND, state.slug))) {
            problems.push(`静态搜索索引未收录 ${state.slug}`)
          }
        }
        const listed: string[] = []
        const pages = pagesFor(expected.length)
        for (let page = 1; page <= pages + 1; page += 1) {
          const file = page === 1 ? `/${KIND}/` : `/${KIND}/page/${page}/`
          const text = texts.get(file)
          if (page > pages && text !== undefined) problems.push(`${file} 多余（只有 ${pages} 页）`)
          else if (page <= pages && text === undefined) problems.push(`${file} 缺失`)
          listed.push(...cardSlugs(text ?? '', KIND))
        }
        if (listed.sort().join(' ') !== expected.join(' ')) {
          problems.push(`列表页合起来是 [${listed.join(' ')}]，应为 [${expected.join(' ')}]`)
        }
        const manifest = manifestAt(dir)
        for (const [file, entry] of Object.entries(manifest.files)) {
          for (const link of entry.links ?? []) {
            if (!manifest.files[link]) problems.push(`${file} → ${link}（清单中不存在）`)
          }
        }
        return problems
      }

      await test.step('published: shown in every kind of place', async () => {
        await verify('发布', scene, null, false)
      })

      type Step = {
        name: string
        /** Whether the step publishes the pending draft with it (publishing takes the latest draft). */
        publishes: boolean
        /** Export afterwards and compare with the published folder (public and withdrawn states). */
        exportAfter: boolean
        run: () => Promise<number>
        next: (state: Scene) => Scene
      }
      const patch = async (data: Record<string, unknown>) =>
        (await request.patch(`/api/${KIND}/${id}`, { headers, data })).status()
      const steps: Step[] = [
        {
          name: '撤回发布 unpublish',
          publishes: false,
          exportAfter: false,
          run: () => patch({ _status: 'draft' }),
          next: (state) => ({ ...state, shown: false }),
        },
        {
          name: '重新发布 republish',
          publishes: true,
          exportAfter: false,
          run: () => patch({ _status: 'published' }),
          next: (state) => ({ ...state, shown: true }),
        },
        {
          name: '修改链接标识 slug change',
          publishes: true,
          exportAfter: false,
          // `_status` as the admin's publish button sends it: with a draft pending, a plain save
          // would keep the merged document a draft (Payload merges the latest version).
          run: () => patch({ slug: secondSlug, _status: 'published' }),
          next: (state) => ({ ...state, slug: secondSlug }),
        },
        {
          name: '移到其他组织 org move',
          publishes: true,
          exportAfter: true,
          run: () => patch({ org: orgId(SECOND_ORG), _status: 'published' }),
          next: (state) => ({ ...state, org: SECOND_ORG }),
        },
        {
          name: '删除 delete',
          publishes: false,
          exportAfter: true,
          run: async () => {
            const status = (await request.delete(`/api/${KIND}/${id}`, { headers })).status()
            if (status === 200) created = null
            return status
          },
          next: (state) => ({ ...state, shown: false }),
        },
      ]

      for (const [index, step] of steps.entries()) {
        await test.step(step.name, async () => {
          let marker: string | null = null
          let summary = scene.summary
          if (variant.pendingDraft) {
            marker = `草稿修改${variant.label}${index + 1}号`
            summary = `晒秋坝上的新规矩又添了一条：${marker}，还没审核发布。`
            const draft = await request.patch(`/api/${KIND}/${id}?draft=true`, {
              headers,
              data: { summary },
            })
            expect(draft.status()).toBe(200)
            // The pending draft shows nowhere, already on the next reading.
            const after = await readPaths(origin, await watched())
            const leaks = after.filter((reading) => reading.text.includes(marker as string))
            expect
              .soft(
                leaks.map((reading) => reading.path),
                `${step.name}前：草稿不应公开`,
              )
              .toEqual([])
            if (scene.shown) {
              const detail = await readPath(origin, `/${KIND}/${scene.slug}`)
              expect.soft(detail.status, `${step.name}前：已发布版本仍可访问`).toBe(200)
              expect.soft(detail.text).toContain(scene.summary)
            }
          } else {
            // Prime every watched page so a stale copy would be served if invalidation failed.
            await readPaths(origin, await watched())
          }
          expect(await step.run(), step.name).toBe(200)
          const next = step.next(scene)
          scene = { ...next, summary: step.publishes ? summary : next.summary }
          await verify(step.name, scene, step.publishes ? null : marker, step.exportAfter)
        })
      }
      for (const host of originals) {
        const restored = await request.patch(`/api/${host.kind}/${host.id}`, {
          headers,
          data: { related: host.related },
        })
        expect(restored.status()).toBe(200)
      }
      originals = []
      if (STATIC_ROOT) await waitForStaticPublisher(request, headers, STATIC_WAIT_MS)
    })
  })
}
