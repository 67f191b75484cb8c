import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SearchDoc } from '../types'
import { writeStaticIndex } from './writer'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Adds search to a static export: the sharded index (from the running build's published
 * documents) under search-index/, and search.js, the search page's script, bundled by esbuild.
 */
export async function writeExportSearch(origin: string, dir: string): Promise<void> {
  const response = await fetch(`${origin}/api/search/documents`)
  if (!response.ok) throw new Error(`无法获取搜索文档：HTTP ${response.status}`)
  const docs = (await response.json()) as SearchDoc[]
  await writeStaticIndex(docs, path.join(dir, 'search-index'))
  const { build } = await import('esbuild')
  const bundle = await build({
    entryPoints: [path.join(dirname, 'browser.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    tsconfig: path.resolve(dirname, '../../../../tsconfig.json'),
    logLevel: 'silent',
  })
  await writeFile(path.join(dir, 'search.js'), bundle.outputFiles[0].text)
}
