import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { SearchDoc } from '../search/types'
import { httpGet } from './http'
import { writeStaticIndex } from '../search/static/writer'

/** Sources are read from the app's folder (the server and the scripts both run from there). */
const SEARCH_ENTRY = 'src/lib/search/static/browser.ts'

let bundled: Promise<Uint8Array> | null = null

/** search.js, the static search page's script, bundled once per process by esbuild. */
function searchScript(): Promise<Uint8Array> {
  bundled ??= (async () => {
    const { build } = await import('esbuild')
    const bundle = await build({
      absWorkingDir: process.cwd(),
      entryPoints: [path.resolve(SEARCH_ENTRY)],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2019',
      write: false,
      tsconfig: path.resolve('tsconfig.json'),
      logLevel: 'silent',
    })
    return bundle.outputFiles[0].contents
  })()
  bundled.catch(() => {
    bundled = null
  })
  return bundled
}

/**
 * The static search files for the published documents of the running portal: the sharded index
 * under /search-index/ and /search.js, as exported paths with their bytes.
 */
export async function searchFiles(origin: string): Promise<Map<string, Uint8Array>> {
  const response = await httpGet(`${origin}/api/search/documents`)
  if (response.status !== 200) throw new Error(`无法获取搜索文档：HTTP ${response.status}`)
  const docs = JSON.parse(response.body.toString('utf8')) as SearchDoc[]
  const dir = await mkdtemp(path.join(tmpdir(), 'practice-hub-search-'))
  try {
    await writeStaticIndex(docs, dir)
    const files = new Map<string, Uint8Array>()
    const entries = await readdir(dir, { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const file = path.join(entry.parentPath, entry.name)
      files.set(`/search-index/${path.relative(dir, file)}`, await readFile(file))
    }
    files.set('/search.js', await searchScript())
    return files
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
