/**
 * Object storage against a real S3-compatible server: uploads through @payloadcms/storage-s3 (as
 * src/lib/storage.ts configures it) and the static site's bucket sync (src/lib/staticSite/bucket.ts).
 * scripts/test-all.sh starts SeaweedFS (scripts/seaweedfs.sh) and sets
 *   TEST_S3_ENDPOINT, TEST_S3_ACCESS_KEY_ID, TEST_S3_SECRET_ACCESS_KEY (optional TEST_S3_REGION);
 * any S3-compatible server works if those keys may create and delete buckets. Each suite makes a
 * bucket of its own and removes it at the end. Without TEST_S3_ENDPOINT the file is skipped.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import type appConfig from '@payload-config'
import type { REST_GET as RestGet, REST_POST as RestPost } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type Bucket, bucketFromEnv, type SyncResult, syncBucket } from '@/lib/staticSite/bucket'
import { fileFor, sha256, writeAtomically } from '@/lib/staticSite/files'
import { emptyManifest, type Manifest, writeManifest } from '@/lib/staticSite/manifest'
import { generateTextbookPdf } from '@/seed/media'

import { context, minimalPdf, rejectionText, unique } from '../helpers/fixtures'
import { file, filesOnDisk, png, type UploadFile } from '../helpers/media'

const ENDPOINT = process.env.TEST_S3_ENDPOINT?.trim() || ''
const REGION = process.env.TEST_S3_REGION?.trim() || 'us-east-1'
const ACCESS_KEY_ID = process.env.TEST_S3_ACCESS_KEY_ID ?? ''
const SECRET_ACCESS_KEY = process.env.TEST_S3_SECRET_ACCESS_KEY ?? ''
const SKIPPED = ENDPOINT
  ? ''
  : '（已跳过：未设置 TEST_S3_ENDPOINT；scripts/test-all.sh 会启动 SeaweedFS 并设置它）'

if (!ENDPOINT) console.warn(`[object-storage] ${SKIPPED.replace(/[（）]/g, '')}`)

/** The same environment the app reads for object storage, pointed at the test server. */
function storageEnv(bucket: string): Record<string, string> {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: ENDPOINT,
    S3_REGION: REGION,
    S3_FORCE_PATH_STYLE: '1',
    S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  }
}

/** A client of the test's own, to look into the bucket independently of the app's code. */
let s3: S3Client

async function createBucket(prefix: string): Promise<string> {
  if (!ACCESS_KEY_ID || !SECRET_ACCESS_KEY) {
    throw new Error(
      '设置了 TEST_S3_ENDPOINT 却缺少 TEST_S3_ACCESS_KEY_ID / TEST_S3_SECRET_ACCESS_KEY / keys missing',
    )
  }
  s3 ??= new S3Client({
    endpoint: ENDPOINT,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
  })
  const name = `${prefix}-${randomUUID().slice(0, 8)}`
  await s3.send(new CreateBucketCommand({ Bucket: name }))
  return name
}

async function listKeys(bucket: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
    )
    keys.push(...(page.Contents ?? []).map((entry) => entry.Key ?? ''))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys.sort()
}

async function removeBucket(bucket: string | undefined): Promise<void> {
  if (!bucket || !s3) return
  const keys = await listKeys(bucket)
  for (let start = 0; start < keys.length; start += 1000) {
    await s3.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })) },
      }),
    )
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }))
}

/** An object's bytes and the headers it is served with. */
async function getObject(bucket: string, key: string) {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  return {
    body: Buffer.from(await object.Body!.transformToByteArray()),
    contentType: object.ContentType,
    cacheControl: object.CacheControl,
  }
}

/** HeadObject, or null when the object does not exist. */
async function headObject(bucket: string, key: string) {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
    if (status === 404) return null
    throw err
  }
}

describe.skipIf(!ENDPOINT)(
  `uploads through @payloadcms/storage-s3 on a real S3 server${SKIPPED}`,
  () => {
    let payload: Payload
    let config: typeof appConfig
    let restGet: typeof RestGet
    let restPost: typeof RestPost
    let shutdown: (payload: Payload | undefined) => Promise<void>
    let bucket: string
    const previousEnv: Record<string, string | undefined> = {}

    beforeAll(async () => {
      bucket = await createBucket('ph-uploads')
      // payload.config.ts reads S3_* when it is first imported: set them before loading it.
      for (const [name, value] of Object.entries(storageEnv(bucket))) {
        previousEnv[name] = process.env[name]
        process.env[name] = value
      }
      const helpers = await import('../helpers/payload')
      shutdown = helpers.shutdownPayload
      payload = await helpers.bootPayload()
      config = (await import('@payload-config')).default
      const routes = await import('@payloadcms/next/routes')
      restGet = routes.REST_GET
      restPost = routes.REST_POST
    })

    afterAll(async () => {
      await shutdown?.(payload)
      await removeBucket(bucket)
      for (const [name, value] of Object.entries(previousEnv)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    })

    type SizeData = {
      filename?: string | null
      url?: string | null
      width?: number | null
      height?: number | null
    }
    type UploadDoc = {
      id: number | string
      filename: string
      filesize: number
      url: string
      prefix?: string | null
      width?: number | null
      height?: number | null
      sizes?: Record<string, SizeData>
      preview?: number | string | { id: number | string } | null
    }

    const createMedia = (upload: UploadFile) =>
      payload.create({
        collection: 'media',
        data: { alt: '对象存储测试图' },
        file: upload,
        overrideAccess: true,
        context,
      }) as unknown as Promise<UploadDoc>

    const createFile = (upload: UploadFile) =>
      payload.create({
        collection: 'files',
        data: { title: '对象存储测试文档' },
        file: upload,
        overrideAccess: true,
        context,
      }) as unknown as Promise<UploadDoc>

    /** Every object key a media doc should own: the image and each of its sizes. */
    function mediaKeys(doc: UploadDoc): string[] {
      const sizes = Object.values(doc.sizes ?? {}).map((size) => size.filename)
      return [doc.filename, ...sizes]
        .filter((name): name is string => Boolean(name))
        .map((name) => `images/${name}`)
        .sort()
    }

    /** GET of a URL the app hands out for a file, through Payload's REST handler. */
    async function served(url: string, headers?: HeadersInit) {
      const location = new URL(url, 'http://localhost')
      const [, api, slug, fileSegment, filename] = location.pathname.split('/')
      expect([api, fileSegment]).toEqual(['api', 'file'])
      const response = await restGet(config)(new Request(location, { headers }), {
        params: Promise.resolve({ slug: [slug, 'file', decodeURIComponent(filename)] }),
      })
      return { response, body: Buffer.from(await response.arrayBuffer()) }
    }

    async function counts() {
      return {
        media: (await payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
        files: (await payload.count({ collection: 'files', overrideAccess: true })).totalDocs,
      }
    }

    it('stores an image and every WebP size in the bucket, serves them back, writes nothing to disk', async () => {
      const before = await listKeys(bucket)
      const doc = await createMedia(file(await png(1800, 1000), '岚川晨景.png', 'image/png'))
      expect(doc.prefix).toBe('images')
      expect(doc.filename).toBe('岚川晨景.png')
      const sizes = Object.entries(doc.sizes ?? {})
      expect(sizes.map(([name]) => name).sort()).toEqual(['card', 'hero', 'thumbnail'])
      expect(sizes.every(([, size]) => size.filename)).toBe(true)

      const added = (await listKeys(bucket)).filter((key) => !before.includes(key))
      expect(added).toEqual(mediaKeys(doc))

      const original = await getObject(bucket, `images/${doc.filename}`)
      expect(original.contentType).toBe('image/png')
      expect(original.body.length).toBe(doc.filesize)
      const meta = await sharp(original.body).metadata()
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1800, 1000])
      expect([doc.width, doc.height]).toEqual([1800, 1000])

      for (const [name, size] of sizes) {
        const object = await getObject(bucket, `images/${size.filename}`)
        expect(object.contentType, name).toBe('image/webp')
        const sized = await sharp(object.body).metadata()
        expect([sized.format, sized.width, sized.height], name).toEqual([
          'webp',
          size.width,
          size.height,
        ])
      }

      // The app proxies downloads (no public bucket URLs): its file URL streams the object.
      expect(doc.url).toBe(`/api/media/file/${encodeURIComponent(doc.filename)}?prefix=images`)
      const image = await served(doc.url)
      expect(image.response.status).toBe(200)
      expect(image.response.headers.get('content-type')).toBe('image/png')
      expect(image.response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(image.response.headers.get('content-disposition')).toBeNull()
      expect(image.body.equals(original.body)).toBe(true)

      const thumbnailName = doc.sizes!.thumbnail.filename!
      const thumbnail = await served(doc.sizes!.thumbnail.url!)
      expect(thumbnail.response.status).toBe(200)
      expect(thumbnail.body.equals((await getObject(bucket, `images/${thumbnailName}`)).body)).toBe(
        true,
      )

      // With a bucket configured nothing is kept on the app server's disk.
      expect(filesOnDisk()).toEqual([])
    })

    it('several Local API uploads sharing one context object all reach the bucket', async () => {
      // The seed passes one `context` object to every create; plugin-cloud-storage 3.90 used to
      // leave a flag on it that skipped every later upload (payloadcms/payload#17546).
      const shared = { disableRevalidate: true }
      const docs: UploadDoc[] = []
      for (const name of ['共享上下文一', '共享上下文二', '共享上下文三']) {
        const doc = await payload.create({
          collection: 'media',
          data: { alt: name },
          file: file(await png(700, 500), `${name}.png`, 'image/png'),
          overrideAccess: true,
          context: shared,
        })
        docs.push(doc as unknown as UploadDoc)
      }
      const keys = await listKeys(bucket)
      for (const doc of docs) {
        expect(mediaKeys(doc)).toHaveLength(4)
        for (const key of mediaKeys(doc)) expect(keys, key).toContain(key)
      }
      expect(shared).toEqual({ disableRevalidate: true })
    })

    it('an upload through the REST API, as the admin panel sends it, lands in the bucket', async () => {
      const email = `${unique('s3')}@lanchuan.example`
      const password = 'object-storage-pass-2026'
      await payload.create({
        collection: 'users',
        data: { email, password, name: '对象存储测试员', role: 'admin' },
        overrideAccess: true,
        context,
      } as never)
      const { token } = await payload.login({ collection: 'users', data: { email, password } })
      const image = await png(500, 400)
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(image)], { type: 'image/png' }), '接口上传.png')
      form.append('_payload', JSON.stringify({ alt: '接口上传的图片' }))
      const response = await restPost(config)(
        new Request('http://localhost/api/media', {
          method: 'POST',
          body: form,
          headers: { Authorization: `JWT ${token}` },
        }),
        { params: Promise.resolve({ slug: ['media'] }) },
      )
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as { doc: UploadDoc }
      expect(doc.filename).toBe('接口上传.png')
      const keys = await listKeys(bucket)
      expect(mediaKeys(doc)).toHaveLength(4)
      for (const key of mediaKeys(doc)) expect(keys, key).toContain(key)
      const stored = await getObject(bucket, `images/${doc.filename}`)
      expect(stored.body.length).toBe(doc.filesize)
      expect((await served(doc.url)).body.equals(stored.body)).toBe(true)
    })

    it('stores a PDF byte for byte with its first page as an image, and serves byte ranges', async () => {
      const pdf = generateTextbookPdf('岚川县文明实践手册', '对象存储测试', [
        {
          title: '第一章 志愿服务',
          paragraphs: ['每周六上午，志愿者在村文化广场为老人测量血压。'],
        },
      ])
      const before = await listKeys(bucket)
      const doc = await createFile(file(pdf, '文明实践手册.pdf', 'application/pdf'))
      expect(doc.prefix).toBe('files')
      const stored = await getObject(bucket, `files/${doc.filename}`)
      expect(stored.contentType).toBe('application/pdf')
      expect(stored.body.equals(pdf)).toBe(true)

      // The first page became a media doc, stored in the same bucket under images/.
      const previewId = typeof doc.preview === 'object' ? doc.preview?.id : doc.preview
      expect(previewId).toBeTruthy()
      const preview = (await payload.findByID({
        collection: 'media',
        id: previewId!,
        overrideAccess: true,
      })) as unknown as UploadDoc
      const added = (await listKeys(bucket)).filter((key) => !before.includes(key))
      expect(added).toEqual([`files/${doc.filename}`, ...mediaKeys(preview)].sort())
      const cover = await getObject(bucket, `images/${preview.filename}`)
      expect((await sharp(cover.body).metadata()).format).toBe('jpeg')

      const whole = await served(doc.url)
      expect(whole.response.status).toBe(200)
      expect(whole.body.equals(pdf)).toBe(true)
      // Documents are downloads, never pages of our origin.
      expect(whole.response.headers.get('content-disposition')).toBe('attachment')

      const part = await served(doc.url, { Range: 'bytes=0-7' })
      expect(part.response.status).toBe(206)
      expect(part.response.headers.get('content-range')).toBe(`bytes 0-7/${pdf.length}`)
      expect(part.body.equals(pdf.subarray(0, 8))).toBe(true)
    })

    it('replacing an image uploads the new one and removes the old image and its sizes', async () => {
      const doc = await createMedia(file(await png(900, 700), '旧海报.png', 'image/png'))
      const oldKeys = mediaKeys(doc)
      // Three sizes; the hero is not enlarged, so it keeps 900×700.
      expect(oldKeys).toEqual(
        ['旧海报.png', '旧海报-320x240.webp', '旧海报-640x400.webp', '旧海报-900x700.webp']
          .map((name) => `images/${name}`)
          .sort(),
      )
      const replaced = (await payload.update({
        collection: 'media',
        id: doc.id,
        data: {},
        file: file(await png(1000, 800), '新海报.png', 'image/png'),
        overrideAccess: true,
        context,
      })) as unknown as UploadDoc
      expect(replaced.filename).toBe('新海报.png')
      const keys = await listKeys(bucket)
      expect(keys.filter((key) => oldKeys.includes(key))).toEqual([])
      for (const key of mediaKeys(replaced)) expect(keys).toContain(key)
      const stored = await getObject(bucket, `images/${replaced.filename}`)
      const meta = await sharp(stored.body).metadata()
      expect([meta.width, meta.height]).toEqual([1000, 800])
    })

    it('a refused upload stores nothing in the bucket', async () => {
      const keysBefore = await listKeys(bucket)
      const countsBefore = await counts()
      expect(
        await rejectionText(createMedia(file(minimalPdf(), '伪装图片.png', 'image/png'))),
      ).toMatch(/文件内容是PDF 文件.*只接受JPEG/)
      expect(
        await rejectionText(createFile(file(await png(64, 64), '伪装文档.pdf', 'application/pdf'))),
      ).toMatch(/文件内容是PNG 文件.*只接受PDF 或 Word/)
      expect(
        await rejectionText(
          createFile(
            file(Buffer.from('<html><body>假文档</body></html>'), '说明.pdf', 'application/pdf'),
          ),
        ),
      ).toMatch(/文件内容是无法识别的文件/)
      expect(await listKeys(bucket)).toEqual(keysBefore)
      expect(await counts()).toEqual(countsBefore)
    })

    it('deleting a document removes its objects, image sizes included', async () => {
      const image = await createMedia(file(await png(1700, 950), '待删除.png', 'image/png'))
      const pdf = await createFile(
        file(
          generateTextbookPdf('待删除讲义', '对象存储测试', [
            { title: '一', paragraphs: ['讲义正文。'] },
          ]),
          '待删除讲义.pdf',
          'application/pdf',
        ),
      )
      const imageKeys = mediaKeys(image)
      expect(imageKeys).toHaveLength(4)
      for (const key of [...imageKeys, `files/${pdf.filename}`]) {
        expect(await headObject(bucket, key), key).not.toBeNull()
      }

      await payload.delete({ collection: 'media', id: image.id, overrideAccess: true, context })
      for (const key of imageKeys) expect(await headObject(bucket, key), key).toBeNull()
      // The app no longer serves it either (Payload answers 403 for a file no document owns).
      expect([403, 404]).toContain((await served(image.url)).response.status)

      await payload.delete({ collection: 'files', id: pdf.id, overrideAccess: true, context })
      expect(await headObject(bucket, `files/${pdf.filename}`)).toBeNull()
    })

    it('after every upload document is deleted, the bucket is empty', async () => {
      expect((await listKeys(bucket)).length).toBeGreaterThan(0)
      // Bulk deletes (by query) run the same cleanup for each document.
      for (const collection of ['files', 'media'] as const) {
        await payload.delete({
          collection,
          where: { id: { exists: true } },
          overrideAccess: true,
          context,
        })
      }
      expect(await counts()).toEqual({ media: 0, files: 0 })
      expect(await listKeys(bucket)).toEqual([])
    })
  },
)

describe.skipIf(!ENDPOINT)(`static site bucket sync on a real S3 server${SKIPPED}`, () => {
  let bucket: string
  let real: Bucket
  const roots: string[] = []

  beforeAll(async () => {
    bucket = await createBucket('ph-static')
    // The app's own client for the static bucket, from the variables it reads in production.
    const found = await bucketFromEnv({
      ...process.env,
      ...storageEnv(''),
      STATIC_S3_BUCKET: bucket,
    })
    expect(found).not.toBeNull()
    real = found!
  })

  afterAll(async () => {
    for (const root of roots) rmSync(root, { recursive: true, force: true })
    await removeBucket(bucket)
  })

  /** The real bucket, with each call the sync makes written down. */
  function recording() {
    const calls: string[] = []
    const bucketWithLog: Bucket = {
      put: async (key, body, headers) => {
        calls.push(`put ${key}`)
        await real.put(key, body, headers)
      },
      remove: async (keys) => {
        calls.push(`remove ${keys.join(',')}`)
        await real.remove(keys)
      },
    }
    return { bucket: bucketWithLog, calls }
  }

  /** A static folder as the publisher leaves it: the files and a manifest of their hashes. */
  async function writeSite(
    root: string,
    files: Record<string, string | Buffer>,
    manifest: Manifest = emptyManifest(''),
  ): Promise<Manifest> {
    for (const [exported, body] of Object.entries(files)) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body
      await writeAtomically(root, fileFor(root, exported), bytes)
      manifest.files[exported] = { hash: sha256(bytes) }
    }
    await writeManifest(root, manifest)
    return manifest
  }

  function newRoot(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'practice-hub-static-s3-'))
    roots.push(root)
    return root
  }

  const sorted = (result: SyncResult) => ({
    uploaded: [...result.uploaded].sort(),
    removed: [...result.removed].sort(),
  })

  const longPage = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body>${'<p>岚川县新时代文明实践中心。</p>'.repeat(40)}</body></html>`

  it('uploads new and changed files, deletes removed ones, leaves the rest, then does nothing', async () => {
    const root = newRoot()
    const logo = await png(48, 48)
    const first: Record<string, string | Buffer> = {
      '/': longPage('首页'),
      '/scripts/ban-deng-hui/': longPage('板凳会'),
      '/feeds/rss.xml': '<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
      '/feeds/feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
      '/_next/static/css/app-3f2a.css': 'body{margin:0;color:#222}',
      '/api/media/file/岚川标志.png': logo,
      '/robots.txt': 'User-agent: *\nAllow: /\n',
    }
    const manifest = await writeSite(root, first)

    const { bucket: logged, calls } = recording()
    const initial = await syncBucket(root, logged, { prefix: 'portal' })
    expect(sorted(initial)).toEqual({ uploaded: Object.keys(first).sort(), removed: [] })
    expect(calls.filter((call) => call.startsWith('put'))).toHaveLength(7)

    const expected: Record<string, [string, string, string]> = {
      'portal/index.html': ['/', 'text/html; charset=utf-8', 'public, max-age=60'],
      'portal/scripts/ban-deng-hui/index.html': [
        '/scripts/ban-deng-hui/',
        'text/html; charset=utf-8',
        'public, max-age=60',
      ],
      'portal/feeds/rss.xml': [
        '/feeds/rss.xml',
        'application/rss+xml; charset=utf-8',
        'public, max-age=300',
      ],
      'portal/feeds/feed.json': [
        '/feeds/feed.json',
        'application/feed+json; charset=utf-8',
        'public, max-age=300',
      ],
      'portal/_next/static/css/app-3f2a.css': [
        '/_next/static/css/app-3f2a.css',
        'text/css; charset=utf-8',
        'public, max-age=31536000, immutable',
      ],
      'portal/api/media/file/岚川标志.png': [
        '/api/media/file/岚川标志.png',
        'image/png',
        'public, max-age=86400',
      ],
      'portal/robots.txt': ['/robots.txt', 'text/plain; charset=utf-8', 'public, max-age=300'],
    }
    // Only the site's files: no manifest, upload record, staging or precompressed siblings.
    expect(await listKeys(bucket)).toEqual(Object.keys(expected).sort())
    for (const [key, [exported, contentType, cacheControl]] of Object.entries(expected)) {
      const object = await getObject(bucket, key)
      const source = first[exported]
      expect(
        object.body.equals(typeof source === 'string' ? Buffer.from(source) : source),
        key,
      ).toBe(true)
      expect([object.contentType, object.cacheControl], key).toEqual([contentType, cacheControl])
    }

    // Nothing changed: no request at all.
    calls.length = 0
    expect(await syncBucket(root, logged, { prefix: 'portal' })).toEqual({
      uploaded: [],
      removed: [],
    })
    expect(calls).toEqual([])

    const stamps = new Map<string, string>()
    for (const key of Object.keys(expected)) {
      const head = await headObject(bucket, key)
      stamps.set(key, `${head?.ETag} ${head?.LastModified?.toISOString()}`)
    }
    // Past a whole second, so a rewritten object would show a new Last-Modified.
    await new Promise((resolve) => setTimeout(resolve, 1100))

    // Change the home page, drop the RSS feed, add a page.
    rmSync(fileFor(root, '/feeds/rss.xml'))
    delete manifest.files['/feeds/rss.xml']
    const changedHome = longPage('首页（已更新）')
    const newPage = longPage('广场舞教学')
    await writeSite(root, { '/': changedHome, '/scripts/guang-chang-wu/': newPage }, manifest)

    const second = await syncBucket(root, logged, { prefix: 'portal' })
    expect(sorted(second)).toEqual({
      uploaded: ['/', '/scripts/guang-chang-wu/'],
      removed: ['/feeds/rss.xml'],
    })
    expect(calls.sort()).toEqual([
      'put portal/index.html',
      'put portal/scripts/guang-chang-wu/index.html',
      'remove portal/feeds/rss.xml',
    ])
    expect(await headObject(bucket, 'portal/feeds/rss.xml')).toBeNull()
    expect((await getObject(bucket, 'portal/index.html')).body.toString()).toBe(changedHome)
    const added = await getObject(bucket, 'portal/scripts/guang-chang-wu/index.html')
    expect(added.body.toString()).toBe(newPage)
    expect([added.contentType, added.cacheControl]).toEqual([
      'text/html; charset=utf-8',
      'public, max-age=60',
    ])
    for (const key of Object.keys(expected)) {
      if (key === 'portal/index.html' || key === 'portal/feeds/rss.xml') continue
      const head = await headObject(bucket, key)
      expect(`${head?.ETag} ${head?.LastModified?.toISOString()}`, key).toBe(stamps.get(key))
    }

    calls.length = 0
    expect(await syncBucket(root, logged, { prefix: 'portal' })).toEqual({
      uploaded: [],
      removed: [],
    })
    expect(calls).toEqual([])
  })

  it('syncs more files than one batch and deletes many at once, without a prefix', async () => {
    const root = newRoot()
    const pages: Record<string, string> = {}
    for (let index = 1; index <= 40; index += 1) {
      pages[`/scripts/page-${index}/`] = `<h1>第 ${index} 个节目</h1>`
    }
    const manifest = await writeSite(root, pages)
    const progress: number[] = []
    const first = await syncBucket(root, real, {
      onProgress: (done) => progress.push(done),
    })
    expect(first.uploaded).toHaveLength(40)
    expect(progress).toEqual([16, 32, 40])
    const keysNow = (await listKeys(bucket)).filter((key) => key.startsWith('scripts/'))
    expect(keysNow).toHaveLength(40)

    for (let index = 6; index <= 40; index += 1) {
      const exported = `/scripts/page-${index}/`
      rmSync(fileFor(root, exported))
      delete manifest.files[exported]
    }
    await writeManifest(root, manifest)
    const second = await syncBucket(root, real)
    expect(second.uploaded).toEqual([])
    expect(second.removed).toHaveLength(35)
    expect((await listKeys(bucket)).filter((key) => key.startsWith('scripts/'))).toEqual(
      [1, 2, 3, 4, 5].map((index) => `scripts/page-${index}/index.html`),
    )
    expect((await getObject(bucket, 'scripts/page-3/index.html')).body.toString()).toBe(
      '<h1>第 3 个节目</h1>',
    )
  })
})
