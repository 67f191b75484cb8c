import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { CollectionSlug, FlattenedField, GlobalSlug, Payload, PayloadRequest } from 'payload'
import { extract } from 'tar'

import type { Progress } from './backup'
import { contentHash, hashFormOf } from './canonical'
import {
  BACKUP_FORMAT,
  SUPPORTED_SCHEMA_VERSIONS,
  backedUpCollections,
  globalHash,
  globalSlugs,
  mediaRoot,
  versionHash,
  type Manifest,
  type Row,
  type VersionRow,
} from './manifest'
import {
  hashFile,
  listFiles,
  readCollection,
  readGlobal,
  readGlobalVersions,
  readVersions,
} from './read'
import { mapReferences, referencedCollections, type ResolveId } from './relations'

type Id = number | string

/** A restore that was refused or failed verification; the message is for the operator. */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RestoreError'
  }
}

export type RestoreOptions = {
  archive: string
  log?: Progress
  /**
   * Create documents with new ids and rewrite every reference, even when the target could keep
   * the source ids. This is what a SQLite → MongoDB restore does; tests use it on SQLite.
   * @default false
   */
  forceIdMapping?: boolean
}

export type RestoreResult = {
  manifest: Manifest
  keptIds: boolean
  documents: number
  versions: number
  mediaFiles: number
}

type ArchiveData = {
  manifest: Manifest
  collections: Record<string, Row[]>
  versions: Record<string, VersionRow[]>
  globals: Record<string, { row: Record<string, unknown> | null; versions: VersionRow[] }>
  dir: string
}

async function readJson<T>(file: string, what: string): Promise<T> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new RestoreError(`备份文件不完整：缺少 ${what}。`)
  }
  try {
    return JSON.parse(text) as T
  } catch {
    throw new RestoreError(`备份文件已损坏：${what} 不是有效的 JSON。`)
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const left = [...a].sort()
  const right = [...b].sort()
  return left.every((value, index) => value === right[index])
}

/** Unpacks the archive and checks every document, version and file against the manifest. */
async function openArchive(archive: string, dir: string, log: Progress): Promise<ArchiveData> {
  log(`解包 ${archive}…`)
  try {
    // Entries are confined to `dir` (tar refuses absolute paths and `..`); `strict` turns every
    // damaged header or checksum into an error instead of a warning.
    await extract({ file: archive, cwd: dir, strict: true })
  } catch (err) {
    const reason = (err as Error).message
    throw new RestoreError(`备份文件已损坏或不是有效的备份（${reason}），未写入任何数据。`)
  }
  const manifest = await readJson<Manifest>(path.join(dir, 'manifest.json'), 'manifest.json')
  if (
    manifest.format !== BACKUP_FORMAT ||
    !SUPPORTED_SCHEMA_VERSIONS.includes(manifest.schemaVersion)
  ) {
    throw new RestoreError(
      `不支持的备份格式（${String(manifest.format)} 版本 ${String(manifest.schemaVersion)}），` +
        `本程序只能恢复 ${BACKUP_FORMAT} 版本 ${SUPPORTED_SCHEMA_VERSIONS.join('、')}。`,
    )
  }
  const data: ArchiveData = { manifest, collections: {}, versions: {}, globals: {}, dir }
  const form = hashFormOf(manifest.schemaVersion)

  log('校验备份内容与清单…')
  for (const [slug, entry] of Object.entries(manifest.collections ?? {})) {
    if (!/^[a-z0-9-]+$/.test(slug)) throw new RestoreError(`清单中的集合名无效：${slug}`)
    const docs = await readJson<Row[]>(
      path.join(dir, 'data', 'collections', `${slug}.json`),
      `集合 ${slug}`,
    )
    const hashes = Object.fromEntries(docs.map((doc) => [String(doc.id), contentHash(doc, form)]))
    if (
      docs.length !== entry.count ||
      !sameList(Object.keys(hashes), Object.keys(entry.documents))
    ) {
      throw new RestoreError(`校验失败：集合 ${slug} 的文档数量与清单不符，未写入任何数据。`)
    }
    for (const [id, hash] of Object.entries(hashes)) {
      if (entry.documents[id] !== hash) {
        throw new RestoreError(
          `校验失败：集合 ${slug} 中 id=${id} 的内容哈希与清单不符，未写入任何数据。`,
        )
      }
    }
    data.collections[slug] = docs
    if (entry.versions) {
      const versions = await readJson<VersionRow[]>(
        path.join(dir, 'data', 'versions', `${slug}.json`),
        `集合 ${slug} 的版本`,
      )
      if (
        !sameList(
          versions.map((v) => versionHash(v, undefined, form)),
          entry.versions.hashes,
        )
      ) {
        throw new RestoreError(`校验失败：集合 ${slug} 的版本记录与清单不符，未写入任何数据。`)
      }
      data.versions[slug] = versions
    }
  }
  for (const [slug, entry] of Object.entries(manifest.globals ?? {})) {
    if (!/^[a-z0-9-]+$/.test(slug)) throw new RestoreError(`清单中的全局设置名无效：${slug}`)
    const global = await readJson<ArchiveData['globals'][string]>(
      path.join(dir, 'data', 'globals', `${slug}.json`),
      `全局设置 ${slug}`,
    )
    const versionsMatch = sameList(
      global.versions.map((v) => versionHash(v, undefined, form)),
      entry.versions?.hashes ?? [],
    )
    if (globalHash(global.row, form) !== entry.hash || !versionsMatch) {
      throw new RestoreError(`校验失败：全局设置 ${slug} 与清单不符，未写入任何数据。`)
    }
    data.globals[slug] = global
  }
  const mediaDir = path.join(dir, 'media')
  const files = await listFiles(mediaDir)
  if (!sameList(files, Object.keys(manifest.media ?? {}))) {
    throw new RestoreError('校验失败：备份中的媒体文件与清单不符，未写入任何数据。')
  }
  for (const file of files) {
    const actual = await hashFile(path.join(mediaDir, file))
    const expected = manifest.media[file]
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
      throw new RestoreError(`校验失败：媒体文件 ${file} 的哈希与清单不符，未写入任何数据。`)
    }
  }
  log(`备份校验通过：${Object.keys(data.collections).length} 个集合，${files.length} 个媒体文件`)
  return data
}

/** Refuses unless the target database and upload folder hold nothing. */
async function assertEmptyTarget(payload: Payload) {
  const nonEmpty: string[] = []
  for (const slug of backedUpCollections(payload)) {
    const { totalDocs } = await payload.db.count({ collection: slug })
    if (totalDocs > 0) nonEmpty.push(`${slug}（${totalDocs} 条）`)
  }
  for (const slug of globalSlugs(payload)) {
    if (globalHash(await readGlobal(payload, slug))) nonEmpty.push(`全局设置 ${slug}`)
  }
  if (nonEmpty.length > 0) {
    throw new RestoreError(
      `目标数据库不是空的，拒绝恢复：${nonEmpty.join('、')}。` +
        '请换一个新的空数据库（或清空后）再恢复，以免覆盖现有内容。',
    )
  }
  const media = await listFiles(mediaRoot())
  if (media.length > 0) {
    throw new RestoreError(
      `目标媒体目录不是空的（${mediaRoot()} 中已有 ${media.length} 个文件），拒绝恢复。`,
    )
  }
}

/** Whether the target adapter can store a document under this source id. */
function canKeepId(payload: Payload, id: Id): boolean {
  if (payload.db.defaultIDType === 'number') return typeof id === 'number'
  // MongoDB: ObjectId strings can be kept; numeric SQLite ids cannot.
  return typeof id === 'string' && /^[0-9a-f]{24}$/i.test(id)
}

/** Restores referenced collections first, so most references resolve on the first pass. */
function restoreOrder(payload: Payload, slugs: string[]): string[] {
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (slug: string) => {
    if (ordered.includes(slug) || visiting.has(slug) || !slugs.includes(slug)) return
    visiting.add(slug)
    const fields = payload.collections[slug as CollectionSlug].config.flattenedFields
    for (const dependency of referencedCollections(fields)) visit(dependency)
    visiting.delete(slug)
    ordered.push(slug)
  }
  slugs.forEach(visit)
  return ordered
}

function withoutId<T extends Record<string, unknown>>(doc: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = doc
  void _id
  return rest
}

/**
 * Restores a backup archive into an empty database and upload folder, then re-reads everything
 * and compares it with the manifest. Writes go straight through `payload.db`, so no hook runs
 * (no slug generation, workflow transitions or page revalidation). With a transaction-capable
 * adapter a failed restore leaves the database as it was.
 */
export async function restoreBackup(
  payload: Payload,
  options: RestoreOptions,
): Promise<RestoreResult> {
  const log = options.log ?? (() => {})
  const work = await mkdtemp(path.join(tmpdir(), 'practice-hub-restore-'))
  const copiedMedia: string[] = []
  let transactionID: Id | null | undefined
  try {
    const data = await openArchive(path.resolve(options.archive), work, log)
    const { manifest } = data
    const unknown = Object.keys(manifest.collections).filter(
      (slug) => !backedUpCollections(payload).includes(slug as CollectionSlug),
    )
    if (unknown.length > 0) {
      throw new RestoreError(`备份中有本系统没有的集合：${unknown.join('、')}，请先升级程序。`)
    }
    await assertEmptyTarget(payload)

    const allIds = Object.values(data.collections).flatMap((docs) => docs.map((doc) => doc.id))
    const keepIds = !options.forceIdMapping && allIds.every((id) => canKeepId(payload, id))
    log(keepIds ? '保留原有 id' : `目标数据库（${payload.db.name}）使用新 id，并改写所有引用`)

    transactionID = await payload.db.beginTransaction?.()
    const req = (transactionID ? { transactionID } : {}) as Partial<PayloadRequest>

    const idMap = new Map<string, Id>()
    const key = (collection: string, id: Id) => `${collection}:${String(id)}`
    const resolve: ResolveId = (collection, id) => idMap.get(key(collection, id))
    const fieldsOf = (slug: string): FlattenedField[] =>
      payload.collections[slug as CollectionSlug].config.flattenedFields

    // Pass 1: every document, references to documents not yet restored left empty.
    const pending: { slug: string; id: Id; fields: string[] }[] = []
    let documents = 0
    const order = restoreOrder(payload, Object.keys(data.collections))
    for (const [index, slug] of order.entries()) {
      const docs = data.collections[slug]
      for (const doc of docs) {
        const mapped = mapReferences(fieldsOf(slug), doc, resolve)
        const created = await payload.db.create({
          collection: slug as CollectionSlug,
          data: keepIds ? mapped.data : withoutId(mapped.data),
          customID: keepIds ? doc.id : undefined,
          req,
        })
        idMap.set(key(slug, doc.id), created.id as Id)
        if (mapped.deferred.length > 0) pending.push({ slug, id: doc.id, fields: mapped.deferred })
        documents += 1
      }
      log(`恢复集合 ${index + 1}/${order.length} ${slug}：${docs.length} 条`)
    }
    // Pass 2: now that every document exists, fill in the forward references.
    for (const { slug, id, fields } of pending) {
      const doc = data.collections[slug].find((candidate) => candidate.id === id) as Row
      const mapped = mapReferences(fieldsOf(slug), doc, resolve)
      const patch = Object.fromEntries(fields.map((name) => [name, mapped.data[name]]))
      patch.updatedAt = doc.updatedAt
      await payload.db.updateOne({
        collection: slug as CollectionSlug,
        id: resolve(slug, id) as Id,
        data: patch,
        req,
      })
    }
    if (pending.length > 0) log(`补全前向引用：${pending.length} 条文档`)

    let versions = 0
    for (const [slug, rows] of Object.entries(data.versions)) {
      for (const row of rows) {
        const parent = resolve(slug, row.parent as Id)
        if (parent === undefined) {
          throw new RestoreError(`版本记录指向不存在的文档：${slug} id=${String(row.parent)}`)
        }
        const { data: version } = mapReferences(fieldsOf(slug), row.version, resolve)
        await payload.db.createVersion({
          collectionSlug: slug as CollectionSlug,
          parent,
          versionData: withoutId(version),
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          autosave: Boolean(row.autosave),
          publishedLocale: row.publishedLocale ?? undefined,
          snapshot: row.snapshot ? true : undefined,
          req,
        })
        versions += 1
      }
      log(`恢复版本 ${slug}：${rows.length} 条`)
    }

    for (const [slug, global] of Object.entries(data.globals)) {
      const fields = payload.config.globals.find((g) => g.slug === slug)?.flattenedFields ?? []
      if (global.row) {
        const { data: row } = mapReferences(fields, global.row, resolve)
        await payload.db.createGlobal({ slug, data: withoutId(row), req })
        // The SQL adapters stamp the timestamps on create and update; put the originals back.
        await payload.db.updateGlobal({
          slug,
          data: { createdAt: row.createdAt, updatedAt: row.updatedAt },
          req,
        })
      }
      for (const version of global.versions) {
        const { data: mapped } = mapReferences(fields, version.version, resolve)
        await payload.db.createGlobalVersion({
          globalSlug: slug as GlobalSlug,
          versionData: withoutId(mapped),
          createdAt: version.createdAt,
          updatedAt: version.updatedAt,
          autosave: Boolean(version.autosave),
          publishedLocale: version.publishedLocale ?? undefined,
          snapshot: version.snapshot ? true : undefined,
          req,
        })
      }
      log(`恢复全局设置 ${slug}`)
    }

    const root = mediaRoot()
    const mediaFiles = Object.keys(manifest.media)
    for (const [index, file] of mediaFiles.entries()) {
      const target = path.resolve(root, file)
      if (!target.startsWith(root + path.sep)) {
        throw new RestoreError(`媒体文件路径无效：${file}`)
      }
      await mkdir(path.dirname(target), { recursive: true })
      await copyFile(path.join(work, 'media', file), target)
      copiedMedia.push(target)
      if ((index + 1) % 25 === 0 || index + 1 === mediaFiles.length) {
        log(`复制媒体文件 ${index + 1}/${mediaFiles.length}`)
      }
    }

    log('按清单核对恢复结果…')
    await verifyRestore(payload, data, idMap, req)
    if (transactionID) await payload.db.commitTransaction(transactionID)
    transactionID = undefined
    log(`恢复完成：${documents} 条文档，${versions} 条版本，${mediaFiles.length} 个媒体文件`)
    return { manifest, keptIds: keepIds, documents, versions, mediaFiles: mediaFiles.length }
  } catch (err) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => {})
    await Promise.all(copiedMedia.map((file) => rm(file, { force: true })))
    throw err
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Reads the restored database back, translates ids back to the source's, and compares every
 * content hash, version and media file with the manifest.
 */
async function verifyRestore(
  payload: Payload,
  data: ArchiveData,
  idMap: Map<string, Id>,
  req: Partial<PayloadRequest>,
) {
  const form = hashFormOf(data.manifest.schemaVersion)
  const reverse = new Map<string, Id>()
  for (const [sourceKey, targetId] of idMap) {
    const [collection, ...rest] = sourceKey.split(':')
    const sourceId = data.collections[collection].find((doc) => String(doc.id) === rest.join(':'))
      ?.id as Id
    reverse.set(`${collection}:${String(targetId)}`, sourceId)
  }
  const toSource: ResolveId = (collection, id) => reverse.get(`${collection}:${String(id)}`)
  const fieldsOf = (slug: string) =>
    payload.collections[slug as CollectionSlug].config.flattenedFields

  for (const [slug, entry] of Object.entries(data.manifest.collections)) {
    const docs = await readCollection(payload, slug as CollectionSlug, req)
    if (docs.length !== entry.count) {
      throw new RestoreError(
        `恢复后核对失败：集合 ${slug} 应有 ${entry.count} 条，实际 ${docs.length} 条。已回滚。`,
      )
    }
    for (const doc of docs) {
      const { data: asSource } = mapReferences(fieldsOf(slug), doc, toSource)
      const sourceId = toSource(slug, doc.id) as Id
      const hash = contentHash({ ...asSource, id: sourceId }, form)
      if (entry.documents[String(sourceId)] !== hash) {
        throw new RestoreError(
          `恢复后核对失败：集合 ${slug} 中 id=${String(sourceId)} 的内容哈希与清单不符。已回滚。`,
        )
      }
    }
    if (entry.versions) {
      const versions = await readVersions(payload, slug as CollectionSlug, req)
      const hashes = versions.map((row) => {
        const { data: version } = mapReferences(fieldsOf(slug), row.version, toSource)
        return versionHash({ ...row, version }, toSource(slug, row.parent as Id), form)
      })
      if (!sameList(hashes, entry.versions.hashes)) {
        throw new RestoreError(`恢复后核对失败：集合 ${slug} 的版本记录与清单不符。已回滚。`)
      }
    }
  }
  for (const [slug, entry] of Object.entries(data.manifest.globals)) {
    const fields = payload.config.globals.find((g) => g.slug === slug)?.flattenedFields ?? []
    const row = await readGlobal(payload, slug as GlobalSlug, req)
    const asSource = row ? mapReferences(fields, row, toSource).data : row
    const versions = entry.versions
      ? (await readGlobalVersions(payload, slug as GlobalSlug, req)).map((version) =>
          versionHash(
            { ...version, version: mapReferences(fields, version.version, toSource).data },
            undefined,
            form,
          ),
        )
      : []
    if (
      globalHash(asSource, form) !== entry.hash ||
      !sameList(versions, entry.versions?.hashes ?? [])
    ) {
      throw new RestoreError(`恢复后核对失败：全局设置 ${slug} 与清单不符。已回滚。`)
    }
  }
  const root = mediaRoot()
  for (const [file, expected] of Object.entries(data.manifest.media)) {
    const actual = await hashFile(path.join(root, file))
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
      throw new RestoreError(`恢复后核对失败：媒体文件 ${file} 与清单不符。已回滚。`)
    }
  }
}
