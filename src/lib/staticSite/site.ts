import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { nginxSnippet, staticHostHeaders } from './hostHeaders'
import { sha256Once } from '../hashOnce'
import { READING_TOOLS_JS } from '../staticExport'
import { httpGet } from './http'
import { type SearchChanges, searchFiles } from './search'
import { clearStaging, fileFor, removePublished, sha256, writeAtomically } from './files'
import {
  emptyManifest,
  type Manifest,
  readManifest,
  ROOTS,
  unreachable,
  writeManifest,
} from './manifest'
import { type Link, linkOf, renderNotFound, renderUrl, type SiteTarget } from './render'

export type PublishProgress = { done: number; queued: number; path: string }

export type PublishOptions = {
  target: SiteTarget
  /** The static site folder written in place. */
  root: string
  concurrency?: number
  onProgress?: (progress: PublishProgress) => void
  /** Write the static search index and script. @default true */
  search?: boolean
  /**
   * The documents whose search entries may have changed since the last run (`kind/slug`), so the
   * index is updated rather than rebuilt. @default 'all'
   */
  searchChanges?: SearchChanges
  /**
   * Keep the search index in this process for the next run's update (a server's publisher).
   * @default true
   */
  keepSearchIndex?: boolean
  /** Phase messages, for debugging a run. */
  log?: (message: string) => void
  /**
   * The folder's manifest when the caller has just read it (undefined: read here). It is brought
   * up to date in place.
   */
  manifest?: Manifest | null
  /** Called with each changed or removed file, after it is in place (for uploads to a bucket). */
  onFile?: (change: FileChange) => void | Promise<void>
}

export type FileChange = { path: string; action: 'write' | 'remove' }

/** A link to a path the portal no longer has: where it points, which page holds it, its text. */
export type BrokenLink = { target: string; page: string; text: string }

/** One line per broken link, for error messages and logs. */
export function describeBrokenLinks(broken: BrokenLink[], limit = 20): string {
  return broken
    .slice(0, limit)
    .map(({ target, page, text }) => `${target} ← ${page}${text ? `（链接文字“${text}”）` : ''}`)
    .join('\n')
}

export type PublishResult = {
  /** URLs fetched from the portal. */
  rendered: number
  /** Files whose bytes changed (or are new) and were replaced. */
  written: string[]
  /** Files removed: gone from the portal or no longer linked from anywhere. */
  removed: string[]
  pages: number
  files: number
  bytes: number
  /**
   * Links to exported paths that the portal no longer has, with the page that holds each: all of
   * them after a full run, and after a partial one when its changes moved any link or removed a
   * file (otherwise there is nothing new to report).
   */
  broken: BrokenLink[]
  /** Milliseconds spent rendering URLs, writing the publisher's own files, and collecting. */
  timings: { render: number; pinned: number; collect: number }
}

/** How many times a run renders again the pages that link to what went away while it ran. */
const REPAIR_ROUNDS = 3

/**
 * Brings the static site in `root` up to date for the given portal URLs, and everything they link
 * to that the site does not have yet. Each URL is rendered by the running portal; a file is only
 * replaced (atomically) when its bytes changed; URLs the portal no longer has are removed, as is
 * any file that nothing links to any more. The manifest (URL → hash, source, links) is written
 * last, so an interrupted run is simply repeated: files on disk are always whole.
 *
 * With no manifest in `root`, it crawls the whole portal from `/`: this is the full export.
 */
export async function publishPaths(
  options: PublishOptions,
  sources: string[] | 'all',
): Promise<PublishResult> {
  const { target, root } = options
  await clearStaging(root)
  const existing =
    options.manifest !== undefined ? options.manifest : await readManifest(root, target.basePath)
  const manifest = existing ?? emptyManifest(target.basePath)
  const result: PublishResult = {
    rendered: 0,
    written: [],
    removed: [],
    pages: 0,
    files: 0,
    bytes: 0,
    broken: [],
    timings: { render: 0, pinned: 0, collect: 0 },
  }
  let phaseStart = Date.now()
  const phase = (name: keyof PublishResult['timings']) => {
    options.log?.(`${name}: ${Date.now() - phaseStart} ms`)
    result.timings[name] = Date.now() - phaseStart
    phaseStart = Date.now()
  }

  const queued = new Set<string>()
  const queue: Link[] = []
  const enqueue = (link: Link | null) => {
    if (!link || queued.has(link.exported)) return
    queued.add(link.exported)
    queue.push(link)
  }
  const everything = sources === 'all' || !existing
  const start = everything
    ? [
        ...ROOTS,
        ...Object.values(manifest.files).flatMap((entry) => (entry.source ? [entry.source] : [])),
      ]
    : sources
  for (const source of start) enqueue(linkOf(target, source))

  const gone = new Set<string>()
  // Whether any file's links changed or a file went: only then can a file become unreachable or
  // a link broken (an edited title, the usual change, leaves the link graph as it was).
  let graphChanged = false
  const save = async (exported: string, body: Uint8Array, entry: Manifest['files'][string]) => {
    result.files += 1
    result.bytes += body.byteLength
    const previous = manifest.files[exported]
    const file = fileFor(root, exported)
    if (!sameLinks(previous?.links, entry.links)) graphChanged = true
    manifest.files[exported] = entry
    if (previous?.hash === entry.hash && (await exists(file))) return
    await writeAtomically(root, file, body)
    result.written.push(exported)
    await options.onFile?.({ path: exported, action: 'write' })
  }
  // Files the publisher writes itself, not found by crawling.
  const pinnedNames = new Set<string>()
  const savePinned = async (files: Map<string, Uint8Array>) => {
    for (const [exported, body] of files) {
      // The search index's unchanged files are the same buffers as last time: hashed once.
      await save(exported, body, { hash: sha256Once(body), pinned: true })
      pinnedNames.add(exported)
    }
  }
  const saveSearch = async () => {
    const changes = everything ? 'all' : (options.searchChanges ?? 'all')
    const keep = options.keepSearchIndex !== false
    await savePinned(await searchFiles(target.origin, { root, changes, keep }))
    options.log?.('search index built')
  }
  const remove = async (exported: string) => {
    if (!manifest.files[exported]) return
    graphChanged = true
    delete manifest.files[exported]
    await removePublished(root, fileFor(root, exported))
    result.removed.push(exported)
    await options.onFile?.({ path: exported, action: 'remove' })
  }

  const renderOne = async ({ exported, source }: Link) => {
    const rendered = await renderUrl(target, source)
    result.rendered += 1
    if (rendered.status === 'gone') {
      gone.add(exported)
      await remove(exported)
      return
    }
    // Rendered again in a repair round after it had gone (republished meanwhile): it is here.
    gone.delete(exported)
    if (rendered.page) result.pages += 1
    await save(exported, rendered.body, {
      hash: sha256(rendered.body),
      source,
      links: rendered.links.map((link) => link.exported),
      tags: rendered.tags,
    })
    // Crawl what the site does not have yet: a new page, a new image, the next list page.
    for (const link of rendered.links) if (!manifest.files[link.exported]) enqueue(link)
  }

  // A full run builds the search index before the crawl, while the process holds little else:
  // at 10,000 resources the build needs more memory than the crawl, which then reuses it.
  if (options.search !== false && everything) await saveSearch()

  const concurrency = Math.max(1, options.concurrency ?? 4)
  let done = 0
  const failures: string[] = []
  const worker = async () => {
    while (queue.length > 0) {
      const next = queue.shift() as Link
      try {
        await renderOne(next)
      } catch (err) {
        failures.push((err as Error).message)
      }
      done += 1
      options.onProgress?.({ done, queued: queue.length, path: next.exported })
    }
  }
  const crawl = async () => {
    // Workers stop when the queue is momentarily empty; loop until nothing new was found.
    while (queue.length > 0) await Promise.all(Array.from({ length: concurrency }, worker))
    if (failures.length > 0) {
      throw new Error(
        `静态发布失败：${failures.length} 个地址无法获取：\n${failures.slice(0, 20).join('\n')}`,
      )
    }
  }
  await crawl()

  phase('render')
  const pinned = new Map<string, Uint8Array>([
    ['/404.html', await renderNotFound(target)],
    ['/reading-tools.js', Buffer.from(READING_TOOLS_JS)],
  ])
  for (const [name, body] of await framingFiles(target)) pinned.set(name, body)
  await savePinned(pinned)
  options.log?.('404 page and header files rendered')
  if (options.search !== false && !everything) await saveSearch()
  for (const [exported, entry] of Object.entries(manifest.files)) {
    if (entry.pinned && !pinnedNames.has(exported)) await remove(exported)
  }

  phase('pinned')
  if (everything || graphChanged) {
    for (const exported of unreachable(manifest)) await remove(exported)
    result.broken = await brokenLinks(root, manifest, gone)
    // A page rendered just before an editor withdrew what it shows (or links to) holds links to
    // files that were gone by the time the crawl reached them: a script page whose Word file and
    // oEmbed then answered 404. Rendered again, such a page drops the link or is gone itself (and
    // then the lists linking to it are rendered again in the next round). The withdrawal's own
    // run would repair it a moment later; this keeps every run's result whole.
    // A link the portal itself keeps broken comes back the same: then one round was enough.
    let repaired = ''
    for (let round = 0; round < REPAIR_ROUNDS && result.broken.length > 0; round++) {
      const pages = [...new Set(result.broken.map((link) => link.page))]
      if (pages.join('\n') === repaired) break
      repaired = pages.join('\n')
      // What went away may be back (republished meanwhile): a page rendered again fetches it.
      for (const exported of gone) queued.delete(exported)
      for (const page of pages) {
        const source = manifest.files[page]?.source
        const link = source ? linkOf(target, source) : null
        if (link) queue.push(link)
      }
      await crawl()
      for (const exported of unreachable(manifest)) await remove(exported)
      result.broken = await brokenLinks(root, manifest, gone)
    }
  }
  await writeManifest(root, manifest)
  await clearStaging(root)
  phase('collect')
  return result
}

/**
 * A static folder cannot send headers: the framing policy (widgets frameable by the allowed
 * media-center sites, portal pages only by themselves) for common static hosts.
 */
async function framingFiles(target: SiteTarget): Promise<Map<string, Uint8Array>> {
  const response = await httpGet(`${target.origin}/api/globals/site?depth=0`)
  if (response.status !== 200) {
    throw new Error(`无法读取站点设置（HTTP ${response.status}）`)
  }
  const site = JSON.parse(response.body.toString('utf8')) as {
    embedOrigins?: { origin?: string | null }[] | null
  }
  const origins = (site.embedOrigins ?? []).map((item) => item.origin)
  return new Map([
    ['/_headers', Buffer.from(staticHostHeaders(target.basePath, origins))],
    ['/nginx-embed.conf', Buffer.from(nginxSnippet(target.basePath, origins))],
  ])
}

/** Links from published files to paths that are gone or were never published. */
async function brokenLinks(root: string, manifest: Manifest, gone: Set<string>) {
  const broken: BrokenLink[] = []
  for (const [page, entry] of Object.entries(manifest.files)) {
    const targets = new Set(
      (entry.links ?? []).filter((link) => gone.has(link) || !manifest.files[link]),
    )
    if (targets.size === 0) continue
    const text = await readFile(fileFor(root, page), 'utf8').catch(() => '')
    for (const target of targets) broken.push({ target, page, text: linkText(text, target) })
  }
  return broken
}

/** The text of the first `<a>` in a page that links to `target`, tags and spacing removed. */
export function linkText(html: string, target: string): string {
  const escaped = encodeURI(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const anchor = new RegExp(
    `<a\\b[^>]*href="[^"]*${escaped}(?:#[^"]*)?"[^>]*>([\\s\\S]*?)</a>`,
    'i',
  )
  const match = anchor.exec(html)
  if (!match) return ''
  return match[1]
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
}

/** Whether two link lists name the same files (a manifest keeps them sorted, a render does not). */
function sameLinks(a: string[] = [], b: string[] = []): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((link) => right.has(link))
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  )
}

/** Every file under `root` except the manifest and staging, as exported paths (for tests/tools). */
export async function listSiteFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(root, path.join(entry.parentPath, entry.name))}`)
    .filter((name) => !name.startsWith('/.'))
    .sort()
}
