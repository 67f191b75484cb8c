import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload, PayloadRequest } from 'payload'

import type { Row, VersionRow } from './manifest'

type Req = Partial<PayloadRequest> | undefined

function byId(a: { id?: number | string }, b: { id?: number | string }): number {
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id - b.id
  return String(a.id).localeCompare(String(b.id))
}

/**
 * Every document of a collection exactly as the database holds it: `payload.db` skips access
 * control and hooks, so hidden fields (password hash and salt) are included and nothing is
 * computed on the way out.
 */
export async function readCollection(payload: Payload, slug: CollectionSlug, req?: Req) {
  const { docs } = await payload.db.find<Row>({
    collection: slug,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    req,
  })
  return docs.sort(byId)
}

export async function readVersions(payload: Payload, slug: CollectionSlug, req?: Req) {
  const { docs } = await payload.db.findVersions<Record<string, unknown>>({
    collection: slug,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    req,
  })
  return (docs as unknown as VersionRow[]).sort(byId)
}

export async function readGlobal(payload: Payload, slug: GlobalSlug, req?: Req) {
  return (await payload.db.findGlobal({ slug, req })) as Record<string, unknown> | null
}

export async function readGlobalVersions(payload: Payload, slug: GlobalSlug, req?: Req) {
  const { docs } = await payload.db.findGlobalVersions<Record<string, unknown>>({
    global: slug,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    req,
  })
  return (docs as unknown as VersionRow[]).sort(byId)
}

/** Files under a folder, as posix paths relative to it (sorted). */
export async function listFiles(root: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string) => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    for (const entry of entries) {
      // Dot files are not uploads (media/.gitignore keeps the default folder in git).
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) found.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  await walk(root)
  return found.sort()
}

/** sha256 and size of a file, streamed (videos can be large). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256')
  await new Promise<void>((resolve, reject) => {
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', resolve)
  })
  return { sha256: hash.digest('hex'), size: (await stat(file)).size }
}
