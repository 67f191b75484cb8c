import type { CollectionConfig, Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { objectStorage } from '@/lib/storage'

const SLUGS = ['media', 'files', 'video-files', 'subtitle-files']

function baseConfig(): Config {
  return {
    collections: SLUGS.map((slug) => ({ slug, upload: { staticDir: `/tmp/${slug}` }, fields: [] })),
  } as unknown as Config
}

async function uploadsOf(config: Config | Promise<Config>) {
  const collections = (await config).collections ?? []
  return SLUGS.map((slug) => collections.find((entry) => entry.slug === slug) as CollectionConfig)
}

function upload(collection: CollectionConfig) {
  return typeof collection.upload === 'object' ? collection.upload : {}
}

describe('objectStorage', () => {
  it('keeps local disk when no bucket is configured, with the same schema', async () => {
    for (const collection of await uploadsOf(objectStorage({})(baseConfig()))) {
      expect(upload(collection).disableLocalStorage, collection.slug).toBeFalsy()
      expect(
        collection.fields.some((field) => 'name' in field && field.name === 'prefix'),
        collection.slug,
      ).toBe(true)
    }
  })

  it('moves every upload collection to the bucket when S3_BUCKET is set', async () => {
    const env = {
      S3_BUCKET: 'lanchuan-media',
      S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
      S3_REGION: 'ap-guangzhou',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    }
    for (const collection of await uploadsOf(objectStorage(env)(baseConfig()))) {
      expect(upload(collection).disableLocalStorage, collection.slug).toBe(true)
      expect(upload(collection).handlers?.length, collection.slug).toBeGreaterThan(0)
    }
  })
})
