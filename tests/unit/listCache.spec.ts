import { describe, expect, it } from 'vitest'

import { rendersPerRequest } from '../../src/lib/csp'
import { cachedListPath, MAX_CACHED_PAGE, queryOfSegment } from '../../src/lib/listCache'

const path = (query: string) => cachedListPath('scripts', new URLSearchParams(query))

describe('cached list paths', () => {
  it('gives equivalent queries one canonical path', () => {
    expect(path('')).toBe('/lists/scripts/all')
    expect(path('page=1&sort=newest')).toBe('/lists/scripts/all')
    expect(path('utm_source=wx&page=abc&format=nope')).toBe('/lists/scripts/all')
    const filtered = path('page=2&format=bandeng&junk=1')
    expect(filtered).toBe(`/lists/scripts/${encodeURIComponent('format=bandeng&page=2')}`)
    expect(path('format=bandeng&page=2')).toBe(filtered)
    // Filters a kind does not have are dropped, not cached apart.
    expect(cachedListPath('cases', new URLSearchParams('format=bandeng'))).toBe('/lists/cases/all')
  })

  it('leaves pages past the cached range to the per-request page', () => {
    expect(path(`page=${MAX_CACHED_PAGE}`)).not.toBeNull()
    expect(path(`page=${MAX_CACHED_PAGE + 1}`)).toBeNull()
  })

  it('reads back only the segments it writes', () => {
    for (const query of [
      '',
      'format=bandeng&page=2',
      'topic=hunshi-xinban&min=5&max=20&sort=shortest',
    ]) {
      const written = path(query) as string
      const segment = written.split('/').pop() as string
      const read = queryOfSegment('scripts', decodeURIComponent(segment))
      expect(read, query).not.toBeNull()
      expect(cachedListPath('scripts', new URLSearchParams(query)), query).toBe(written)
      // Next.js may hand the segment over still encoded: the same query either way.
      expect(queryOfSegment('scripts', segment), query).toEqual(read)
    }
    expect(queryOfSegment('scripts', 'page=1')).toBeNull()
    expect(queryOfSegment('scripts', 'page=2&format=bandeng')).toBeNull()
    expect(queryOfSegment('scripts', `page=${MAX_CACHED_PAGE + 1}`)).toBeNull()
    expect(queryOfSegment('scripts', 'junk=1')).toBeNull()
    expect(queryOfSegment('scripts', '%E4%B8')).toBeNull()
  })

  it('serves the cached copy under the cached pages’ policy', () => {
    expect(rendersPerRequest('/lists/scripts/all', false)).toBe(false)
    expect(rendersPerRequest('/scripts', false)).toBe(true)
  })
})
