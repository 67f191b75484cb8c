import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { RESOURCE_KINDS } from '../kinds'
import { MAX_SEARCH_DOCUMENT_KEYS } from '../search/documentKeys'
import { PEOPLE_FILE } from '../search/people'
import { type SearchDoc, searchDocKey, type SearchDocsPage } from '../search/types'
import { StaticIndexBuilder, type StaticIndexFiles } from '../search/static/writer'
import { sha256 } from './files'
import { httpGet } from './http'

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

/** Which documents a publish touched, by `kind/slug`; 'all' when anything may have changed. */
export type SearchChanges = string[] | 'all'

type KeptIndex = { root: string; builder: StaticIndexBuilder; manifest: string }

// The index of the last run, kept between runs of this server's static publisher so that a change
// re-reads and re-indexes only its own documents. On globalThis: one per process.
const KEY = Symbol.for('practice-hub.static-search-index')
const store = globalThis as { [KEY]?: KeptIndex | null }

/** The published index's manifest, as the static folder has it now (null: none). */
async function publishedManifest(root: string): Promise<string | null> {
  try {
    return sha256(await readFile(path.join(root, 'search-index', 'manifest.json')))
  } catch {
    return null
  }
}

/** The index the static folder holds, read back without tokenizing (null: none or not whole). */
async function publishedIndex(root: string): Promise<StaticIndexBuilder | null> {
  const dir = path.join(root, 'search-index')
  try {
    const files: StaticIndexFiles = new Map()
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.json')) continue
      const file = path.join(entry.parentPath, entry.name)
      files.set(path.relative(dir, file).split(path.sep).join('/'), await readFile(file))
    }
    return StaticIndexBuilder.fromFiles(files)
  } catch {
    return null
  }
}

/** The index the folder holds: this process's own when it wrote it last, else read back. */
async function folderIndex(root: string): Promise<KeptIndex | null> {
  const current = await publishedManifest(root)
  if (!current) return null
  const kept = store[KEY]
  if (kept?.root === root && kept.manifest === current) return kept
  const builder = await publishedIndex(root)
  return builder && { root, builder, manifest: current }
}

/**
 * Reads the folder's index into memory ahead of the first publish, for a server that has just
 * taken over the publisher: that publish then only updates it. True when there is one.
 */
export async function keepPublishedIndex(root: string): Promise<boolean> {
  store[KEY] = await folderIndex(root)
  return store[KEY] !== null
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await httpGet(url)
  if (response.status !== 200) throw new Error(`无法获取搜索文档：HTTP ${response.status}`)
  return JSON.parse(response.body.toString('utf8')) as T
}

/** The published documents of these keys (`kind/slug`); a key not published is left out. */
function fetchDocs(origin: string, keys: string[]): Promise<SearchDoc[]> {
  return fetchJson(`${origin}/api/search/documents?keys=${encodeURIComponent(keys.join(','))}`)
}

/** Documents read per request in a full build: each page is tokenized and let go. */
const DOCS_PAGE = 500

/** Every published document, a page at a time. */
async function* allDocs(origin: string): AsyncGenerator<SearchDoc[]> {
  for (const kind of RESOURCE_KINDS) {
    let after: string | null = null
    do {
      const query = new URLSearchParams({ kind, limit: String(DOCS_PAGE), ...(after && { after }) })
      const page: SearchDocsPage = await fetchJson(`${origin}/api/search/documents?${query}`)
      yield page.docs
      after = page.next
    } while (after)
  }
}

/** The published lecturer and team profiles as search matches them (src/lib/search/people.ts). */
async function fetchPeople(origin: string): Promise<Uint8Array> {
  const response = await httpGet(`${origin}/api/search/people`)
  if (response.status !== 200) throw new Error(`无法获取宣讲员搜索数据：HTTP ${response.status}`)
  return response.body
}

/**
 * The static search files for the published documents of the running portal: the sharded index
 * under /search-index/, the profiles in /search-index/people.json and /search.js, as exported
 * paths with their bytes.
 *
 * With `root` (the static folder) and the documents a publish touched, the index of the previous
 * run is updated in place: only those documents are read and tokenized again, and only the files
 * they touch are encoded again. When this process has no index yet, or the folder's index is not
 * the one it last wrote (another server published meanwhile), it reads the folder's index back
 * (no tokenizing). It is built from every published document when anything may have changed (an
 * org, topic or site change; a full export) or the folder has no whole index. With `keep: false`
 * (an exporter that ends after the run) this process does not keep the index for a next run.
 */
export async function searchFiles(
  origin: string,
  options: { root?: string; changes?: SearchChanges; keep?: boolean } = {},
): Promise<Map<string, Uint8Array>> {
  const { root, changes = 'all', keep = true } = options
  let builder: StaticIndexBuilder | null = null
  let indexFiles: StaticIndexFiles
  if (root && changes !== 'all' && changes.length <= MAX_SEARCH_DOCUMENT_KEYS) {
    builder = (await folderIndex(root))?.builder ?? null
  }
  store[KEY] = null
  if (builder && changes !== 'all') {
    const keys = [...new Set(changes)]
    const docs = keys.length > 0 ? await fetchDocs(origin, keys) : []
    const found = new Set(docs.map(searchDocKey))
    indexFiles = builder.update(
      docs,
      keys.filter((key) => !found.has(key)),
    )
  } else {
    builder = new StaticIndexBuilder()
    for await (const docs of allDocs(origin)) builder.add(docs)
    indexFiles = builder.update([])
  }
  const files = new Map<string, Uint8Array>()
  for (const [name, body] of indexFiles) files.set(`/search-index/${name}`, body)
  // Read on every run: a few kilobytes, and a profile change is a change of the whole portal.
  files.set(`/search-index/${PEOPLE_FILE}`, await fetchPeople(origin))
  files.set('/search.js', await searchScript())
  if (root && keep) {
    store[KEY] = { root, builder, manifest: sha256(indexFiles.get('manifest.json') as Uint8Array) }
  }
  return files
}
