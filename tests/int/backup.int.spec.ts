import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

import config from '@payload-config'
import { getPayload, type Migration, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup, type BackupResult } from '@/lib/backup/backup'
import { listFiles } from '@/lib/backup/read'
import { restoreBackup } from '@/lib/backup/restore'
import { databaseAdapter, databaseKind, type DatabaseKind } from '@/lib/database'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { migrations } from '@/migrations/sqlite'

import { createCounty, resourceData } from '../helpers/county'
import { context, jpeg, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, shutdownPayload } from '../helpers/payload'

const work = process.env.TEST_WORK_DIR as string
const sourceMedia = process.env.MEDIA_DIR as string
let source: Payload
const targets: Payload[] = []
const sourceKind = databaseKind(process.env.DATABASE_URI)
/**
 * A Mongo-wire server to restore into: the one under test, or `TEST_MONGO_URI` beside SQLite
 * (scripts/test-all.sh sets it to its FerretDB), so both directions run in CI.
 */
const mongoServer =
  sourceKind === 'mongodb' ? process.env.DATABASE_URI : process.env.TEST_MONGO_URI || undefined
const otherKind: DatabaseKind = sourceKind === 'sqlite' ? 'mongodb' : 'sqlite'
const canUseOther = otherKind === 'sqlite' || Boolean(mongoServer)
let backup: BackupResult
let published: { id: number | string; slug: string }
let draft: { id: number | string }
let editorEmail: string

/** A new, empty database of a kind: a SQLite file, or a database of its own on the Mongo server. */
function targetUri(name: string, kind: DatabaseKind = sourceKind): string {
  if (kind === 'sqlite') return `file:${path.join(work, `${name}.db`)}`
  const url = new URL(mongoServer as string)
  url.pathname = `/ph_restore_${name}_${randomUUID().slice(0, 8)}`
  return url.toString()
}

/** A second Payload instance on another database (same config). */
async function openTarget(name: string, uri = targetUri(name)): Promise<Payload> {
  const base = (await config) as SanitizedConfig
  const payload = await getPayload({
    config: { ...base, db: databaseAdapter(uri) as SanitizedConfig['db'] },
    key: name,
  })
  if (databaseKind(uri) === 'sqlite') {
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  targets.push(payload)
  return payload
}

function useMedia(dir: string) {
  process.env.MEDIA_DIR = dir
  mkdirSync(dir, { recursive: true })
}

async function mediaBytes(dir: string) {
  const files = await listFiles(dir)
  return Object.fromEntries(
    await Promise.all(
      files.map(async (file) => [file, (await readFile(path.join(dir, file))).toString('base64')]),
    ),
  )
}

beforeAll(async () => {
  source = await bootPayload()
  const county = await createCounty(source)
  editorEmail = county.users.townEditor.email
  const image = await source.create({
    collection: 'media',
    data: { alt: '杏花村文化礼堂' },
    file: { data: await jpeg(640, 420), name: '礼堂.jpg', mimetype: 'image/jpeg', size: 0 },
    overrideAccess: true,
    context,
  })
  const topic = await source.create({
    collection: 'topics',
    data: { name: `移风易俗${unique('t')}`, slug: unique('topic') },
    overrideAccess: true,
    context,
  })
  // A gap in the ids, so a restore that renumbers documents cannot match by accident.
  const gap = await source.create({
    collection: 'scripts',
    data: { ...scriptData(county.orgs.townA, `临时稿${unique('g')}`), _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
    context,
  })
  // The video exists after the script that links to it: a forward reference.
  const script = await source.create({
    collection: 'scripts',
    data: {
      ...scriptData(county.orgs.townA, `彩礼新风${unique('s')}`, ['老少爷们，今天说说彩礼。']),
      cover: image.id,
      topics: [topic.id],
      _status: 'published',
    } as never,
    overrideAccess: true,
    context,
  })
  await source.delete({ collection: 'scripts', id: gap.id, overrideAccess: true, context })
  const video = await source.create({
    collection: 'videos',
    data: {
      ...resourceData('videos', county.orgs.villageA),
      poster: image.id,
      related: [{ relationTo: 'scripts', value: script.id }],
      _status: 'published',
    } as never,
    overrideAccess: true,
    context,
  })
  await source.update({
    collection: 'scripts',
    id: script.id,
    data: {
      related: [{ relationTo: 'videos', value: video.id }],
      body: paragraphsToLexical(['老少爷们，今天说说彩礼。', '第二版：加了一个故事。']) as never,
    },
    overrideAccess: true,
    context,
  })
  published = { id: script.id, slug: script.slug as string }
  draft = await source.create({
    collection: 'cases',
    data: { ...resourceData('cases', county.orgs.townB), _status: 'draft' } as never,
    draft: true,
    overrideAccess: true,
    context,
  })
  await source.updateGlobal({
    slug: 'site',
    data: { name: '岚川县文明实践资源库', logo: image.id } as never,
    overrideAccess: true,
    context,
  })
  backup = await createBackup(source, { out: path.join(work, 'backup.tar.gz') })
}, 180_000)

afterAll(async () => {
  for (const target of targets) await shutdownPayload(target)
  await shutdownPayload(source)
})

describe('backup and restore', () => {
  it('writes a manifest with counts, content hashes and media hashes', () => {
    const { manifest } = backup
    expect(manifest.schemaVersion).toBe(2)
    expect(manifest.adapter).toBe(source.db.name)
    expect(manifest.skipped).toContain('payload-jobs')
    expect(manifest.collections.users.count).toBe(7)
    expect(manifest.collections.scripts.count).toBe(1)
    expect(manifest.collections.scripts.versions?.count).toBeGreaterThanOrEqual(2)
    expect(manifest.collections.media.count).toBe(1)
    expect(manifest.globals.site.hash).toMatch(/^[0-9a-f]{64}$/)
    const images = Object.keys(manifest.media).filter((file) => file.startsWith('images/'))
    expect(images.length).toBeGreaterThan(1) // the original and its resized sizes
    for (const entry of Object.values(manifest.media))
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('restores through `npm run restore` into an empty database: same content, logins, drafts, versions, media bytes', async () => {
    const targetMedia = path.join(work, 'media-cli')
    const uri = targetUri('cli')
    const result = spawnSync('npm', ['run', '--silent', 'restore', '--', backup.file], {
      env: { ...process.env, DATABASE_URI: uri, MEDIA_DIR: targetMedia },
      encoding: 'utf8',
      timeout: 170_000,
    })
    if (result.status !== 0) console.log(result.stdout, result.stderr)
    expect(result.stderr).not.toMatch(/恢复失败|校验失败/)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/\[restore\] 备份校验通过/)
    expect(result.stdout).toMatch(/\[restore\] 恢复完成/)
    expect(await mediaBytes(targetMedia)).toEqual(await mediaBytes(sourceMedia))

    useMedia(targetMedia)
    const target = await openTarget('cli', uri)
    for (const slug of ['users', 'orgs', 'scripts', 'videos', 'cases', 'media'] as const) {
      expect((await target.count({ collection: slug, overrideAccess: true })).totalDocs).toBe(
        (await source.count({ collection: slug, overrideAccess: true })).totalDocs,
      )
    }
    const login = await target.login({
      collection: 'users',
      data: { email: editorEmail, password: 'demo-pass-2026' },
    })
    expect(login.token).toBeTruthy()
    const restoredDraft = await target.findByID({
      collection: 'cases',
      id: draft.id,
      draft: true,
      overrideAccess: true,
    })
    expect(restoredDraft._status).toBe('draft')
    const anonymous = await target.find({ collection: 'cases', overrideAccess: false })
    expect(anonymous.docs.map((doc) => doc.id)).not.toContain(draft.id)
    const script = await target.findByID({ collection: 'scripts', id: published.id, depth: 1 })
    expect(script.slug).toBe(published.slug)
    expect(script._status).toBe('published')
    const versions = await target.findVersions({
      collection: 'scripts',
      where: { parent: { equals: published.id } },
      overrideAccess: true,
    })
    expect(versions.totalDocs).toBe(
      (
        await source.findVersions({
          collection: 'scripts',
          where: { parent: { equals: published.id } },
          overrideAccess: true,
        })
      ).totalDocs,
    )
    const site = await target.findGlobal({ slug: 'site', overrideAccess: true })
    expect(site.name).toBe('岚川县文明实践资源库')
  }, 180_000)

  it('renumbers documents and rewrites every reference when ids cannot be kept (as for MongoDB)', async () => {
    useMedia(path.join(work, 'media-mapped'))
    const target = await openTarget('mapped')
    const logs: string[] = []
    const result = await restoreBackup(target, {
      archive: backup.file,
      forceIdMapping: true,
      log: (line) => logs.push(line),
    })
    expect(result.keptIds).toBe(false)
    expect(logs.some((line) => line.includes('改写所有引用'))).toBe(true)
    // The id gap is gone, so the script now has another id; its links still point right.
    const [script] = (await target.find({ collection: 'scripts', depth: 1, overrideAccess: true }))
      .docs
    expect(script.id).not.toBe(published.id)
    const related = script.related?.[0]
    expect(related?.relationTo).toBe('videos')
    const video = related?.value as { related?: { value: unknown }[] }
    expect(video.related?.[0]?.value).toBeTruthy()
    expect((script.cover as { alt?: string }).alt).toBe('杏花村文化礼堂')
    expect(
      (
        await target.login({
          collection: 'users',
          data: { email: editorEmail, password: 'demo-pass-2026' },
        })
      ).token,
    ).toBeTruthy()
  }, 120_000)

  // SQLite → MongoDB in the SQLite run, MongoDB → SQLite in the MongoDB run. The restore itself
  // re-reads every document, translates ids back and compares each content hash with the
  // manifest; a difference fails it.
  it.runIf(canUseOther)(
    `restores into the other adapter (${sourceKind} → ${otherKind}): identical content hashes, media bytes and logins`,
    async () => {
      const targetMedia = path.join(work, 'media-other')
      useMedia(targetMedia)
      const target = await openTarget('other', targetUri('other', otherKind))
      const result = await restoreBackup(target, { archive: backup.file })
      expect(result.keptIds).toBe(false)
      expect(await mediaBytes(targetMedia)).toEqual(await mediaBytes(sourceMedia))
      const [script] = (
        await target.find({
          collection: 'scripts',
          where: { slug: { equals: published.slug } },
          depth: 1,
          overrideAccess: true,
        })
      ).docs
      expect(script._status).toBe('published')
      expect((script.cover as { alt?: string }).alt).toBe('杏花村文化礼堂')
      expect((script.related?.[0]?.value as { title?: string }).title).toBeTruthy()
      const anonymous = await target.find({ collection: 'cases', overrideAccess: false })
      expect(anonymous.totalDocs).toBe(0)
      const login = await target.login({
        collection: 'users',
        data: { email: editorEmail, password: 'demo-pass-2026' },
      })
      expect(login.token).toBeTruthy()

      // And back: a backup of the restored database restores into the source's adapter.
      const again = await createBackup(target, { out: path.join(work, 'back-again.tar.gz') })
      const returnMedia = path.join(work, 'media-return')
      useMedia(returnMedia)
      const home = await openTarget('return', targetUri('return', sourceKind))
      await restoreBackup(home, { archive: again.file })
      expect(await mediaBytes(returnMedia)).toEqual(await mediaBytes(sourceMedia))
      const homeScript = await home.find({
        collection: 'scripts',
        where: { slug: { equals: published.slug } },
        overrideAccess: true,
      })
      expect(homeScript.docs[0].body).toEqual(script.body)
      for (const slug of [
        'users',
        'orgs',
        'topics',
        'scripts',
        'videos',
        'cases',
        'media',
      ] as const)
        expect((await home.count({ collection: slug, overrideAccess: true })).totalDocs).toBe(
          (await source.count({ collection: slug, overrideAccess: true })).totalDocs,
        )
    },
    240_000,
  )

  it('refuses a database that is not empty, with a Chinese error and nothing written', async () => {
    const target = targets[0]
    const before = (await target.count({ collection: 'scripts', overrideAccess: true })).totalDocs
    await expect(restoreBackup(target, { archive: backup.file })).rejects.toThrow(
      /目标数据库不是空的，拒绝恢复/,
    )
    expect((await target.count({ collection: 'scripts', overrideAccess: true })).totalDocs).toBe(
      before,
    )
  })

  it('refuses a damaged archive or a tampered manifest and writes nothing', async () => {
    useMedia(path.join(work, 'media-corrupt'))
    const target = await openTarget('corrupt')
    const original = readFileSync(backup.file)

    const flipped = Buffer.from(original)
    flipped[Math.floor(flipped.length / 2)] ^= 0xff
    writeFileSync(path.join(work, 'flipped.tar.gz'), flipped)

    // Recompressed with one hash in the manifest changed: the archive itself is well-formed.
    const tar = gunzipSync(original)
    const text = tar.toString('latin1')
    const hash = backup.manifest.collections.scripts.documents[String(published.id)]
    const tampered = Buffer.from(
      text.replace(
        hash,
        hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
      ),
      'latin1',
    )
    writeFileSync(path.join(work, 'tampered.tar.gz'), gzipSync(tampered))

    await expect(
      restoreBackup(target, { archive: path.join(work, 'flipped.tar.gz') }),
    ).rejects.toThrow(/备份文件已损坏|校验失败/)
    await expect(
      restoreBackup(target, { archive: path.join(work, 'tampered.tar.gz') }),
    ).rejects.toThrow(/校验失败：集合 scripts/)
    for (const slug of ['users', 'scripts', 'media'] as const) {
      expect((await target.count({ collection: slug, overrideAccess: true })).totalDocs).toBe(0)
    }
    expect(await listFiles(path.join(work, 'media-corrupt'))).toEqual([])
  }, 60_000)
})
