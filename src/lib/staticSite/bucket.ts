import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { contentTypeOf } from '../contentTypes'
import { s3ClientConfig } from '../storage'
import { fileFor, writeAtomically } from './files'
import { MANIFEST_FILE, type Manifest } from './manifest'

/** What the uploader needs of an object store; S3, Aliyun OSS and Tencent COS all fit. */
export type Bucket = {
  put(
    key: string,
    body: Uint8Array,
    headers: { contentType: string; cacheControl: string },
  ): Promise<void>
  remove(keys: string[]): Promise<void>
}

/** Which manifest hash each object in the bucket has, kept next to the manifest. */
export const UPLOADED_FILE = '.uploaded.json'

/** The object key of an exported path: folders become their `index.html`. */
export function objectKey(exported: string, prefix = ''): string {
  const file = exported.endsWith('/') ? `${exported}index.html` : exported
  const cleanPrefix = prefix.replace(/^\/+|\/+$/g, '')
  return `${cleanPrefix ? `${cleanPrefix}/` : ''}${file.replace(/^\/+/, '')}`
}

/** Content type and caching of an exported path, as deploy/nginx.conf sends them. */
export function objectHeaders(exported: string): { contentType: string; cacheControl: string } {
  const file = exported.endsWith('/') ? `${exported}index.html` : exported
  let contentType = contentTypeOf(file)
  if (/^\/feeds\/.*rss\.xml$/.test(file)) contentType = 'application/rss+xml; charset=utf-8'
  if (/^\/feeds\/.*atom\.xml$/.test(file)) contentType = 'application/atom+xml; charset=utf-8'
  if (/^\/feeds\/.*\.json$/.test(file)) contentType = 'application/feed+json; charset=utf-8'
  const cacheControl = file.startsWith('/_next/static/')
    ? 'public, max-age=31536000, immutable'
    : file.endsWith('.html')
      ? 'public, max-age=60'
      : /^\/api\/[a-z-]+\/file\//.test(file)
        ? 'public, max-age=86400'
        : 'public, max-age=300'
  return { contentType, cacheControl }
}

export type SyncResult = { uploaded: string[]; removed: string[] }

/**
 * Brings a bucket in line with the static folder, sending only what changed since the last sync:
 * files whose manifest hash differs from the one recorded at upload, and deletions for files no
 * longer in the manifest. The record is saved after each batch, so an interrupted sync resumes.
 */
export async function syncBucket(
  root: string,
  bucket: Bucket,
  {
    prefix = '',
    onProgress,
  }: { prefix?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<SyncResult> {
  const manifest = JSON.parse(await readFile(path.join(root, MANIFEST_FILE), 'utf8')) as Manifest
  const uploaded: Record<string, string> = await readFile(path.join(root, UPLOADED_FILE), 'utf8')
    .then((text) => JSON.parse(text) as Record<string, string>)
    .catch(() => ({}))
  const changed = Object.keys(manifest.files).filter(
    (key) => uploaded[key] !== manifest.files[key].hash,
  )
  const stale = Object.keys(uploaded).filter((key) => !manifest.files[key])
  const save = () =>
    writeAtomically(root, path.join(root, UPLOADED_FILE), Buffer.from(JSON.stringify(uploaded)), {
      compress: false,
    })
  const total = changed.length + stale.length
  let done = 0
  for (let start = 0; start < changed.length; start += 16) {
    const batch = changed.slice(start, start + 16)
    await Promise.all(
      batch.map(async (key) => {
        const body = await readFile(fileFor(root, key))
        await bucket.put(objectKey(key, prefix), body, objectHeaders(key))
        uploaded[key] = manifest.files[key].hash
      }),
    )
    done += batch.length
    onProgress?.(done, total)
    await save()
  }
  if (stale.length > 0) {
    await bucket.remove(stale.map((key) => objectKey(key, prefix)))
    for (const key of stale) delete uploaded[key]
    done += stale.length
    onProgress?.(done, total)
  }
  await save()
  return { uploaded: changed, removed: stale }
}

/**
 * The S3-compatible bucket for the static site (STATIC_S3_BUCKET, optional STATIC_S3_PREFIX),
 * reached with the same endpoint and keys as upload storage (S3_ENDPOINT, S3_REGION, …).
 */
export async function bucketFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Bucket | null> {
  const name = env.STATIC_S3_BUCKET?.trim()
  if (!name) return null
  const { DeleteObjectsCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3')
  const client = new S3Client(s3ClientConfig(env))
  return {
    put: async (key, body, { contentType, cacheControl }) => {
      await client.send(
        new PutObjectCommand({
          Bucket: name,
          Key: key,
          Body: body,
          ContentType: contentType,
          CacheControl: cacheControl,
        }),
      )
    },
    remove: async (keys) => {
      for (let start = 0; start < keys.length; start += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: name,
            Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })) },
          }),
        )
      }
    },
  }
}
