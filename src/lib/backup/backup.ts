import { copyFile, link, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload, PayloadRequest } from 'payload'
import { create as createTar } from 'tar'

import { objectStorageEnabled } from '../storage'
import { contentHash } from './canonical'
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  backedUpCollections,
  globalHash,
  globalSlugs,
  mediaRoot,
  payloadVersion,
  SKIPPED_COLLECTIONS,
  versionHash,
  type Manifest,
} from './manifest'
import {
  hashFile,
  listFiles,
  readCollection,
  readGlobal,
  readGlobalVersions,
  readVersions,
} from './read'

export type Progress = (message: string) => void

export type BackupResult = { file: string; manifest: Manifest; bytes: number }

/** Default archive name: `backups/practice-hub-<UTC timestamp>.tar.gz`. */
export function defaultBackupName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  return path.join('backups', `practice-hub-${stamp}.tar.gz`)
}

async function linkOrCopy(from: string, to: string) {
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await link(from, to)
  } catch {
    await copyFile(from, to)
  }
}

/**
 * Writes a portable backup archive (tar.gz): `manifest.json`, every document of every collection
 * (users with their password hashes), all versions, the globals, and the upload files under
 * `MEDIA_DIR`. The archive is written under a temporary name and renamed when complete.
 */
export async function createBackup(
  payload: Payload,
  options: { out: string; log?: Progress },
): Promise<BackupResult> {
  const log = options.log ?? (() => {})
  const out = path.resolve(options.out)
  const staging = await mkdtemp(path.join(tmpdir(), 'practice-hub-backup-'))
  // One transaction for all reads, so a save during the backup cannot leave it half old, half new
  // (on SQLite writers wait for the few seconds the reads take).
  const transactionID = await payload.db.beginTransaction?.()
  const req = (transactionID ? { transactionID } : {}) as Partial<PayloadRequest>
  try {
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      schemaVersion: BACKUP_SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      payloadVersion: payloadVersion(),
      adapter: payload.db.name,
      idType: payload.db.defaultIDType,
      skipped: [...SKIPPED_COLLECTIONS],
      collections: {},
      globals: {},
      media: {},
    }
    await mkdir(path.join(staging, 'data', 'collections'), { recursive: true })
    await mkdir(path.join(staging, 'data', 'versions'), { recursive: true })
    await mkdir(path.join(staging, 'data', 'globals'), { recursive: true })

    const slugs = backedUpCollections(payload)
    for (const [index, slug] of slugs.entries()) {
      const docs = await readCollection(payload, slug, req)
      const entry: Manifest['collections'][string] = {
        count: docs.length,
        documents: Object.fromEntries(docs.map((doc) => [String(doc.id), contentHash(doc)])),
      }
      await writeFile(
        path.join(staging, 'data', 'collections', `${slug}.json`),
        JSON.stringify(docs),
      )
      if (payload.collections[slug].config.versions) {
        const versions = await readVersions(payload, slug, req)
        entry.versions = { count: versions.length, hashes: versions.map((v) => versionHash(v)) }
        await writeFile(
          path.join(staging, 'data', 'versions', `${slug}.json`),
          JSON.stringify(versions),
        )
      }
      manifest.collections[slug] = entry
      const versionNote = entry.versions ? `，版本 ${entry.versions.count}` : ''
      log(`集合 ${index + 1}/${slugs.length} ${slug}：${docs.length} 条${versionNote}`)
    }

    for (const slug of globalSlugs(payload)) {
      const row = await readGlobal(payload, slug, req)
      const entry: Manifest['globals'][string] = { hash: globalHash(row) }
      const versions = payload.config.globals.find((g) => g.slug === slug)?.versions
        ? await readGlobalVersions(payload, slug, req)
        : undefined
      if (versions) {
        entry.versions = { count: versions.length, hashes: versions.map((v) => versionHash(v)) }
      }
      await writeFile(
        path.join(staging, 'data', 'globals', `${slug}.json`),
        JSON.stringify({ row: entry.hash ? row : null, versions: versions ?? [] }),
      )
      manifest.globals[slug] = entry
      log(`全局设置 ${slug}：${entry.hash ? '已备份' : '为空'}`)
    }

    if (objectStorageEnabled()) {
      log(
        '注意：已启用对象存储（S3_BUCKET），桶中的文件不在本备份里，请用存储服务的版本或复制功能备份。',
      )
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    const root = mediaRoot()
    const files = await listFiles(root)
    let bytes = 0
    for (const [index, file] of files.entries()) {
      const source = path.join(root, file)
      manifest.media[file] = await hashFile(source)
      bytes += manifest.media[file].size
      await linkOrCopy(source, path.join(staging, 'media', file))
      if ((index + 1) % 25 === 0 || index + 1 === files.length) {
        log(`媒体文件 ${index + 1}/${files.length}（${(bytes / 1024 / 1024).toFixed(1)} MB）`)
      }
    }
    await mkdir(path.join(staging, 'media'), { recursive: true })
    await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))

    log('打包压缩…')
    await mkdir(path.dirname(out), { recursive: true })
    const partial = `${out}.partial`
    await createTar({ gzip: true, file: partial, cwd: staging, portable: true }, [
      'manifest.json',
      'data',
      'media',
    ])
    await rename(partial, out)
    const size = (await hashFile(out)).size
    log(`备份完成：${out}（${(size / 1024 / 1024).toFixed(1)} MB）`)
    return { file: out, manifest, bytes: size }
  } catch (err) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => {})
    throw err
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
