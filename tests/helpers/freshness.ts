import { stat, readFile } from 'node:fs/promises'
import path from 'node:path'

import { exportedPath } from '../../src/lib/staticExport'
import { fileFor } from '../../src/lib/staticSite/files'
import { listSiteFiles } from '../../src/lib/staticSite/site'
import { getOnce } from './staticServer'

/** One reading of a portal URL, as an anonymous visitor gets it (redirects not followed). */
export type Reading = {
  path: string
  status: number
  /** The body of a text response (HTML, XML, JSON, plain text); empty for files. */
  text: string
  location: string | null
}

/** Pages, feeds, sitemaps, JSON and plain text; not files such as `.docx` (an "openxml" type). */
const TEXT_TYPE = /^text\/|html|json|[+/]xml/

/** Reads one path of the site at `origin`, once. */
export async function readPath(origin: string, portalPath: string): Promise<Reading> {
  const response = await getOnce(`${origin}${portalPath}`, { redirect: 'manual' })
  const type = response.headers.get('content-type') ?? ''
  let text = ''
  if (TEXT_TYPE.test(type)) text = await response.text()
  else await response.body?.cancel()
  return {
    path: portalPath,
    status: response.status,
    text,
    location: response.headers.get('location'),
  }
}

/** Reads every path once, a few at a time; the result keeps the order of `paths`. */
export async function readPaths(
  origin: string,
  paths: string[],
  concurrency = 6,
): Promise<Reading[]> {
  const results: Reading[] = new Array(paths.length)
  let next = 0
  const worker = async () => {
    while (next < paths.length) {
      const index = next++
      results[index] = await readPath(origin, paths[index])
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return results
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Whether a text links to (or names the URL of) a resource: `/<kind>/<slug>` not followed by more
 * slug characters, so `/scripts/a` does not count `/scripts/a-2`; in a static search index, its
 * `"slug"` entry.
 */
export function mentions(text: string, kind: string, slug: string): boolean {
  const name = escapeRegExp(slug)
  return (
    new RegExp(`/${kind}/${name}(?![a-z0-9-])`).test(text) ||
    new RegExp(`"kind":"${kind}","slug":"${name}"`).test(text)
  )
}

/** The slugs of a list page's cards, in order (live `/scripts/x` or static `/scripts/x/` links). */
export function cardSlugs(html: string, kind: string): string[] {
  const pattern = new RegExp(
    `<h[23] class="card-title"><a href="[^"]*?/${kind}/([a-z0-9-]+)/?"`,
    'g',
  )
  return [...html.matchAll(pattern)].map((match) => match[1])
}

/**
 * The text files of a static site by exported path (pages, feeds, sitemaps, JSON, robots.txt),
 * without their precompressed copies.
 */
export async function siteTexts(dir: string): Promise<Map<string, string>> {
  const files = (await listSiteFiles(dir)).filter((file) => /\.(html|xml|json|txt)$/.test(file))
  const texts = new Map<string, string>()
  await Promise.all(
    files.map(async (file) => {
      const exported = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file
      texts.set(exported, await readFile(path.join(dir, file), 'utf8'))
    }),
  )
  return texts
}

/** Where a portal path (with its query) lives in a static site, or null when it is not exported. */
export function staticPathOf(portalPath: string): string | null {
  return exportedPath(new URL(portalPath, 'http://portal.invalid'))
}

/** Whether a static site holds the file for an exported path. */
export async function hasStaticFile(dir: string, exported: string): Promise<boolean> {
  return stat(fileFor(dir, exported)).then(
    (info) => info.isFile(),
    () => false,
  )
}

/** Polls `check` (which lists what is still wrong) until it lists nothing or time runs out. */
export async function settle(
  check: () => Promise<string[]>,
  timeout: number,
): Promise<{ problems: string[]; ms: number }> {
  const started = Date.now()
  for (;;) {
    const problems = await check()
    if (problems.length === 0 || Date.now() - started > timeout) {
      return { problems, ms: Date.now() - started }
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
