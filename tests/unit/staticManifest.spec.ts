import { describe, expect, it } from 'vitest'

import { emptyManifest, type Manifest, serializeManifest } from '@/lib/staticSite/manifest'

/** A manifest of `count` files, added out of order, with repeated links and tags. */
function manifestOf(count: number): Manifest {
  const manifest = emptyManifest('/portal')
  for (let n = count - 1; n >= 0; n--) {
    manifest.files[`/scripts/jiangtang-${n}/`] = {
      hash: `h${n}`,
      source: `/scripts/jiangtang-${n}`,
      links: [`/scripts/jiangtang-${(n + 1) % count}/`, '/', '/'],
      tags: n % 3 === 0 ? [] : [`d:scripts/${n}`, 'l:scripts', 'l:scripts'],
      ...(n % 7 === 0 ? { pinned: true } : {}),
    }
  }
  return manifest
}

describe('the static manifest written in batches', () => {
  it('is the JSON of the manifest with sorted keys, deduplicated sorted lists, and nothing empty', () => {
    for (const count of [0, 1, 499, 500, 501, 1000, 1001]) {
      const manifest = manifestOf(count)
      const bytes = serializeManifest(manifest)
      const parsed = JSON.parse(bytes.toString('utf8')) as Manifest
      expect(bytes.toString('utf8').endsWith('}}\n'), `${count}`).toBe(true)
      expect(parsed.version).toBe(manifest.version)
      expect(parsed.basePath).toBe('/portal')
      const keys = Object.keys(manifest.files).sort()
      expect(Object.keys(parsed.files)).toEqual(keys)
      for (const key of keys) {
        const { hash, source, links, tags, pinned } = manifest.files[key]
        expect(parsed.files[key], key).toEqual({
          hash,
          source,
          links: [...new Set(links)].sort(),
          ...(tags!.length > 0 ? { tags: [...new Set(tags)].sort() } : {}),
          ...(pinned ? { pinned } : {}),
        })
      }
      // The same site gives the same bytes whatever order its files were added in.
      const reversed: Manifest = { ...manifest, files: {} }
      for (const key of keys) reversed.files[key] = manifest.files[key]
      expect(Buffer.compare(serializeManifest(reversed), bytes)).toBe(0)
    }
  })
})
