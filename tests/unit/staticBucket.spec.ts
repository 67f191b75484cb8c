import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { type Bucket, objectHeaders, objectKey, syncBucket } from '@/lib/staticSite/bucket'
import { sha256 } from '@/lib/staticSite/files'
import { emptyManifest, type Manifest, writeManifest } from '@/lib/staticSite/manifest'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A bucket that remembers what it holds, like the real one would. */
function memoryBucket() {
  const objects = new Map<string, { body: string; contentType: string; cacheControl: string }>()
  const calls: string[] = []
  const bucket: Bucket = {
    put: async (key, body, headers) => {
      calls.push(`put ${key}`)
      objects.set(key, { body: Buffer.from(body).toString(), ...headers })
    },
    remove: async (keys) => {
      calls.push(`remove ${keys.join(',')}`)
      for (const key of keys) objects.delete(key)
    },
  }
  return { bucket, objects, calls }
}

async function site(files: Record<string, string>): Promise<{ root: string; manifest: Manifest }> {
  const root = roots.at(-1) ?? mkdtempSync(path.join(tmpdir(), 'practice-hub-bucket-'))
  if (!roots.includes(root)) roots.push(root)
  const manifest = emptyManifest('')
  for (const [exported, body] of Object.entries(files)) {
    const file = path.join(root, exported.endsWith('/') ? `${exported}index.html` : exported)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, body)
    manifest.files[exported] = { hash: sha256(body) }
  }
  await writeManifest(root, manifest)
  return { root, manifest }
}

describe('syncBucket', () => {
  it('uploads everything once, then only what changed, and deletes what is gone', async () => {
    const { bucket, objects, calls } = memoryBucket()
    const first = await site({
      '/': '<h1>首页</h1>',
      '/scripts/ban-deng/': '<h1>板凳会</h1>',
      '/feeds/rss.xml': '<rss/>',
      '/_next/static/css/a.css': 'body{}',
    })
    const initial = await syncBucket(first.root, bucket, { prefix: 'portal' })
    expect(initial.uploaded).toHaveLength(4)
    expect([...objects.keys()].sort()).toEqual([
      'portal/_next/static/css/a.css',
      'portal/feeds/rss.xml',
      'portal/index.html',
      'portal/scripts/ban-deng/index.html',
    ])
    expect(objects.get('portal/feeds/rss.xml')?.contentType).toBe(
      'application/rss+xml; charset=utf-8',
    )
    expect(objects.get('portal/_next/static/css/a.css')?.cacheControl).toContain('immutable')

    calls.length = 0
    rmSync(path.join(first.root, 'feeds'), { recursive: true })
    const next = await site({
      '/': '<h1>首页（更新）</h1>',
      '/scripts/ban-deng/': '<h1>板凳会</h1>',
    })
    delete next.manifest.files['/feeds/rss.xml']
    next.manifest.files['/_next/static/css/a.css'] = { hash: sha256('body{}') }
    await writeManifest(next.root, next.manifest)
    const second = await syncBucket(next.root, bucket, { prefix: 'portal' })
    expect(second).toEqual({ uploaded: ['/'], removed: ['/feeds/rss.xml'] })
    expect(calls).toEqual(['put portal/index.html', 'remove portal/feeds/rss.xml'])
    expect(objects.get('portal/index.html')?.body).toBe('<h1>首页（更新）</h1>')

    calls.length = 0
    expect(await syncBucket(next.root, bucket, { prefix: 'portal' })).toEqual({
      uploaded: [],
      removed: [],
    })
    expect(calls).toEqual([])
  })

  it('names objects and headers like the nginx configuration', () => {
    expect(objectKey('/')).toBe('index.html')
    expect(objectKey('/topics/fazhi/', '/cdn/')).toBe('cdn/topics/fazhi/index.html')
    expect(objectHeaders('/scripts/x/').contentType).toBe('text/html; charset=utf-8')
    expect(objectHeaders('/scripts/x/').cacheControl).toBe('public, max-age=60')
    expect(objectHeaders('/feeds/org/liuxi/atom.xml').contentType).toContain('atom')
    expect(objectHeaders('/api/media/file/a.webp').cacheControl).toBe('public, max-age=86400')
  })
})
