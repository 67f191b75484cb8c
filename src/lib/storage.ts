import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionBeforeOperationHook, Config, Plugin } from 'payload'

type Env = Record<string, string | undefined>

/** Upload collections and the folder (local) or key prefix (S3) each one uses. */
const PREFIXES = {
  media: 'images',
  files: 'files',
  'video-files': 'videos',
  'subtitle-files': 'subtitles',
} as const

/** Whether uploads go to an S3-compatible object store: only when a bucket is configured. */
export function objectStorageEnabled(env: Env = process.env): boolean {
  return Boolean(env.S3_BUCKET)
}

/**
 * Upload storage beyond one machine. Local disk (`MEDIA_DIR`) by default; with `S3_BUCKET` set,
 * an S3-compatible store (Aliyun OSS, Tencent COS, MinIO, AWS) through @payloadcms/storage-s3.
 * The plugin is always installed so the schema (its `prefix` field) is the same either way.
 */
export function objectStorage(env: Env = process.env): Plugin {
  const plugin = s3Storage({
    enabled: objectStorageEnabled(env),
    alwaysInsertFields: true,
    bucket: env.S3_BUCKET ?? '',
    collections: Object.fromEntries(
      Object.entries(PREFIXES).map(([slug, prefix]) => [slug, { prefix }]),
    ),
    config: s3ClientConfig(env),
  })
  if (!objectStorageEnabled(env)) return plugin
  return async (incoming) => ownContextForUploads(await plugin(incoming))
}

/**
 * @payloadcms/plugin-cloud-storage (3.90) sets `req.context.skipCloudStorage` while it saves an
 * upload's metadata and clears it on a copy of the context, so the flag stays on the object the
 * caller passed. A Local API caller that reuses one `context` object for several uploads (as the
 * seed does) then gets only the first file stored: every later document has no object in the
 * bucket, without an error (payloadcms/payload#17546, #18191). Each create or update of an upload
 * collection therefore works on its own copy of the context.
 */
const ownContext: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') req.context = { ...req.context }
  return args
}

function ownContextForUploads(config: Config): Config {
  const slugs = new Set<string>(Object.keys(PREFIXES))
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      slugs.has(collection.slug)
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              beforeOperation: [ownContext, ...(collection.hooks?.beforeOperation ?? [])],
            },
          }
        : collection,
    ),
  }
}

/** The S3 client settings from S3_* (uploads and the static site's bucket use the same store). */
export function s3ClientConfig(env: Env = process.env) {
  return {
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    // MinIO and some COS/OSS setups address buckets by path, not by subdomain.
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1',
    credentials: {
      accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
    },
  }
}
