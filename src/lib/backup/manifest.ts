import { readFileSync } from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import { mediaDir, projectRoot } from '../paths'
import { contentHash, type HashForm } from './canonical'

export const BACKUP_FORMAT = 'practice-hub-backup'
/** Version 2 hashes content in the portable form (see canonical.ts); version 1 archives restore. */
export const BACKUP_SCHEMA_VERSION = 2
export const SUPPORTED_SCHEMA_VERSIONS = [1, 2]

/**
 * Collections a backup leaves out: the job queue (scheduled publish jobs are re-queued by
 * editors; a restored server should not replay stale jobs), document locks (transient editing
 * state), the migration log (the target runs its own migrations before restoring) and the
 * servers' coordination state (leases, rate counters, the public-change feed).
 */
export const SKIPPED_COLLECTIONS = [
  'payload-jobs',
  'payload-locked-documents',
  'payload-migrations',
  'leases',
  'rate-counters',
  'public-changes',
] as const

export type VersionsEntry = { count: number; hashes: string[] }

export type Manifest = {
  format: typeof BACKUP_FORMAT
  schemaVersion: number
  createdAt: string
  payloadVersion: string
  adapter: string
  idType: 'number' | 'text'
  skipped: string[]
  collections: Record<
    string,
    { count: number; documents: Record<string, string>; versions?: VersionsEntry }
  >
  globals: Record<string, { hash: string | null; versions?: VersionsEntry }>
  media: Record<string, { sha256: string; size: number }>
}

export type Row = Record<string, unknown> & { id: number | string }

export type VersionRow = {
  id?: number | string
  parent?: number | string | null
  version: Record<string, unknown>
  createdAt: string
  updatedAt: string
  autosave?: boolean | null
  latest?: boolean | null
  publishedLocale?: string | null
  snapshot?: boolean | null
}

/** The installed Payload version (read from its package.json). */
export function payloadVersion(): string {
  for (const root of [projectRoot, process.cwd()]) {
    try {
      const file = path.join(root, 'node_modules', 'payload', 'package.json')
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    } catch {
      // try the next candidate
    }
  }
  return 'unknown'
}

/** The root of the local upload folders (`MEDIA_DIR`). */
export function mediaRoot(): string {
  return path.dirname(mediaDir('images'))
}

/** Collections that a backup contains, in config order. */
export function backedUpCollections(payload: Payload): CollectionSlug[] {
  return payload.config.collections
    .map((collection) => collection.slug)
    .filter((slug) => !(SKIPPED_COLLECTIONS as readonly string[]).includes(slug))
}

export function globalSlugs(payload: Payload): GlobalSlug[] {
  return payload.config.globals.map((global) => global.slug as GlobalSlug)
}

/**
 * The part of a version row that is content: its own id is left out (adapters cannot create a
 * version with a given id), the parent is given as an id in the source database.
 */
export function versionHash(
  row: VersionRow,
  parent?: number | string | null,
  form: HashForm = 'portable',
): string {
  const { id: _ownId, ...version } = row.version as Record<string, unknown>
  void _ownId
  return contentHash(
    {
      parent: parent ?? row.parent ?? null,
      version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      autosave: Boolean(row.autosave),
      latest: Boolean(row.latest),
      publishedLocale: row.publishedLocale ?? null,
      snapshot: Boolean(row.snapshot),
    },
    form,
  )
}

/** A global's content, without its row id (adapters pick their own). */
export function globalHash(
  row: Record<string, unknown> | null | undefined,
  form: HashForm = 'portable',
): string | null {
  if (!row || !row.createdAt) return null
  const { id: _id, globalType: _type, ...content } = row
  void _id
  void _type
  return contentHash(content, form)
}
