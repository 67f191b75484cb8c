import { describe, expect, it } from 'vitest'

import { rendersPerRequest } from '../../src/lib/csp'
import {
  cachedListPath,
  cachedSearchPath,
  MAX_CACHED_PAGE,
  queryOfSegment,
  searchOfSegment,
} from '../../src/lib/listCache'

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
  it('serves the cached copy under the cached pages’ policy', () => {
    expect(rendersPerRequest('/lists/search/all', false)).toBe(false)
    expect(rendersPerRequest('/search', false)).toBe(true)
  })
})

describe('cached search paths', () => {
  const search = (query: string) => cachedSearchPath(new URLSearchParams(query))
  const segmentOf = (query: string) => search(query).split('/').pop() as string

  it('gives equivalent searches one canonical path', () => {
    expect(search('')).toBe('/lists/search/all')
    expect(search('q=&page=1&utm_source=wx&kind=nope')).toBe('/lists/search/all')
    const written = search('page=2&kind=scripts&q=%20%E5%BD%A9%E7%A4%BC%20%20%E5%A9%9A%E4%BA%8B')
    expect(written).toBe(
      `/lists/search/${encodeURIComponent(new URLSearchParams({ q: '彩礼 婚事', kind: 'scripts', page: '2' }).toString())}`,
    )
    expect(search('q=彩礼 婚事&kind=scripts&page=2&junk=1')).toBe(written)
    // A different search is a different entry.
    expect(search('q=彩礼')).not.toBe(search('q=彩礼&page=2'))
    expect(search('q=彩礼')).not.toBe(search('q=婚事'))
  })

  it('reads back only the segments it writes, decoded once or still encoded', () => {
    for (const query of [
      '',
      'q=%E5%BD%A9%E7%A4%BC',
      'q=100%25+lao&dialect=lanchuan&page=3',
      'kind=videos',
    ]) {
      const segment = segmentOf(query)
      const decoded = decodeURIComponent(segment)
      const read = searchOfSegment(decoded)
      expect(read, query).not.toBeNull()
      expect(searchOfSegment(segment), query).toEqual(read)
      expect(cachedSearchPath(new URLSearchParams(decoded === 'all' ? '' : decoded)), query).toBe(
        search(query),
      )
    }
    expect(searchOfSegment('q=%E5%BD%A9%E7%A4%BC')).toEqual({
      query: '彩礼',
      filters: {},
      page: 1,
    })
    // Not canonical: other order, raw characters, spaces doubled, default page, unknown keys.
    expect(searchOfSegment('kind=videos&q=x')).toBeNull()
    expect(searchOfSegment('q=彩礼')).toBeNull()
    expect(searchOfSegment('q=a++b')).toBeNull()
    expect(searchOfSegment('q=a&page=1')).toBeNull()
    expect(searchOfSegment('junk=1')).toBeNull()
    expect(searchOfSegment('%E4%B8')).toBeNull()
  })
})
