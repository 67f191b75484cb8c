import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'

import { describeBrokenLinks, publishPaths, type PublishProgress } from './site'
import { siteTarget } from './render'

export type ExportOptions = {
  /** Where a production build of the portal is running, e.g. http://127.0.0.1:4123 */
  origin: string
  /** The folder to (re)place; built next to it in a temporary folder, then swapped in. */
  outDir: string
  /** Path prefix the export is served under, e.g. `/portal`; empty for the site root. */
  basePath?: string
  /** The public base URL in the pages (SITE_URL); absolute links to it are treated as internal. */
  siteUrl?: string
  /** Where the export will be served (origin); absolute links are pointed there. Default: siteUrl. */
  publicUrl?: string
  concurrency?: number
  onProgress?: (progress: PublishProgress) => void
  /** Write the static search index and script. @default true */
  search?: boolean
}

export type ExportResult = {
  /** URLs fetched from the portal (pages, assets, files). */
  rendered: number
  /** Files written, including the search index and the export's own scripts. */
  files: number
  pages: number
  bytes: number
  outDir: string
}

/** Removes temporary folders that an interrupted export left next to the target. */
async function removeStaleTemps(outDir: string): Promise<void> {
  const parent = path.dirname(outDir)
  const prefix = `.${path.basename(outDir)}.tmp-`
  const entries = await readdir(parent).catch(() => [] as string[])
  await Promise.all(
    entries
      .filter((name) => name.startsWith(prefix))
      .map((name) => rm(path.join(parent, name), { recursive: true, force: true })),
  )
}

/**
 * Writes the whole public portal, as served by a running production build, to static files: a
 * crawl from `/`, `robots.txt` and the sitemap that follows every internal link and asset (see
 * publishPaths, which incremental static publishing shares). It is built in a temporary folder
 * and swapped in, so an interrupted export leaves the previous one as it was.
 */
export async function exportSite(options: ExportOptions): Promise<ExportResult> {
  const target = siteTarget(options)
  const outDir = path.resolve(options.outDir)
  await mkdir(path.dirname(outDir), { recursive: true })
  await removeStaleTemps(outDir)
  const temp = path.join(
    path.dirname(outDir),
    `.${path.basename(outDir)}.tmp-${process.pid}-${Date.now()}`,
  )
  await mkdir(temp, { recursive: true })
  try {
    const result = await publishPaths(
      {
        target,
        root: temp,
        concurrency: options.concurrency,
        onProgress: options.onProgress,
        search: options.search,
        // The exporter ends after this run: nothing to update later.
        keepSearchIndex: false,
      },
      'all',
    )
    if (result.broken.length > 0) {
      throw new Error(
        `导出失败：${result.broken.length} 个链接指向不存在的页面：\n${describeBrokenLinks(result.broken)}`,
      )
    }
    const previous = `${temp}-previous`
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false
        throw err
      },
    )
    await rename(temp, outDir)
    if (hadPrevious) await rm(previous, { recursive: true, force: true })
    return {
      rendered: result.rendered,
      files: result.files,
      pages: result.pages,
      bytes: result.bytes,
      outDir,
    }
  } catch (err) {
    await rm(temp, { recursive: true, force: true })
    throw err
  }
}
