import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { writeAtomically } from './files'

/** The manifest's file name in the site root (dot files are not served; see deploy/nginx.conf). */
export const MANIFEST_FILE = '.manifest.json'
/** 2: entries record their cache tags; an older manifest means one full publish. */
export const MANIFEST_VERSION = 2

/** One published file: its content hash, the portal URL it was rendered from, the files it links. */
export type ManifestEntry = {
  hash: string
  /** Path and query on the running portal; absent for files the publisher writes itself. */
  source?: string
  /** Exported paths this file links to (pages and assets); only for HTML, CSS and XML. */
  links?: string[]
  /**
   * What the file renders, as its page declared it (cache tags, see CacheTags), or `*` for a text
   * file that declared nothing; absent for assets, which never change under the same URL.
   */
  tags?: string[]
  /** Written by the publisher itself (search index, scripts, 404 page): never collected. */
  pinned?: boolean
}

export type Manifest = {
  version: number
  basePath: string
  files: Record<string, ManifestEntry>
}

export function emptyManifest(basePath: string): Manifest {
  return { version: MANIFEST_VERSION, basePath, files: {} }
}

export async function readManifest(root: string, basePath: string): Promise<Manifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(root, MANIFEST_FILE), 'utf8')) as Manifest
    if (manifest.version !== MANIFEST_VERSION || manifest.basePath !== basePath) return null
    return manifest
  } catch {
    return null
  }
}

/**
 * The manifest's bytes, key order fixed so that the same site always gives the same bytes. Made
 * entry by entry into buffers of a few hundred entries, not as one copy of the whole manifest
 * turned into one string: at 10,000 resources the manifest is 20 MB of JSON, and the copy and its
 * string took 120 MB at the end of an export.
 */
export function serializeManifest(manifest: Manifest): Buffer {
  const chunks: Buffer[] = [
    Buffer.from(
      `{"version":${JSON.stringify(manifest.version)},"basePath":${JSON.stringify(manifest.basePath)},"files":{`,
    ),
  ]
  let batch = ''
  let count = 0
  for (const key of Object.keys(manifest.files).sort()) {
    const { hash, source, links, tags, pinned } = manifest.files[key]
    const entry: ManifestEntry = {
      hash,
      ...(source ? { source } : {}),
      ...(links && links.length > 0 ? { links: [...new Set(links)].sort() } : {}),
      ...(tags && tags.length > 0 ? { tags: [...new Set(tags)].sort() } : {}),
      ...(pinned ? { pinned } : {}),
    }
    batch += `${count > 0 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(entry)}`
    count += 1
    if (count % 500 === 0) {
      chunks.push(Buffer.from(batch))
      batch = ''
    }
  }
  chunks.push(Buffer.from(`${batch}}}\n`))
  return Buffer.concat(chunks)
}

export async function writeManifest(root: string, manifest: Manifest): Promise<void> {
  const body = serializeManifest(manifest)
  await writeAtomically(root, path.join(root, MANIFEST_FILE), body, { compress: false })
}

/**
 * The crawl's starting points: every page and file is reachable from these or pinned. The embed
 * loader is only named in copyable code, never in a link.
 */
export const ROOTS = ['/', '/robots.txt', '/sitemap.xml', '/embed.js']

/**
 * Exported paths no longer reachable from the roots or a pinned file: a removed resource's page,
 * its images, a list page past the new end. Deleting them keeps the folder equal to a fresh crawl.
 */
export function unreachable(manifest: Manifest): string[] {
  const reached = new Set<string>()
  const stack = [
    ...ROOTS,
    ...Object.keys(manifest.files).filter((key) => manifest.files[key].pinned),
  ]
  while (stack.length > 0) {
    const key = stack.pop() as string
    if (reached.has(key)) continue
    reached.add(key)
    for (const link of manifest.files[key]?.links ?? []) if (!reached.has(link)) stack.push(link)
  }
  return Object.keys(manifest.files).filter((key) => !reached.has(key))
}
