import { describe, expect, it } from 'vitest'

import { isFiltered, listQueryString, MAX_MINUTES, parseListQuery } from '@/lib/listQuery'
import { ancestorIds, subtreeIds } from '@/lib/tree'

describe('parseListQuery', () => {
  it('keeps valid filters and drops junk, never throwing', () => {
    const query = parseListQuery('scripts', {
      topic: 'yifeng-yisu',
      org: 'liuxi',
      format: 'bandeng',
      audience: 'elderly',
      dialect: 'lanchuan',
      min: '5',
      max: '15',
      sort: 'shortest',
      page: '2',
      utm_source: 'wechat',
    })
    expect(query).toEqual({
      topic: 'yifeng-yisu',
      org: 'liuxi',
      format: 'bandeng',
      audience: 'elderly',
      dialect: 'lanchuan',
      min: 5,
      max: 15,
      sort: 'shortest',
      page: 2,
    })
  })

  it('ignores bad values instead of failing', () => {
    const query = parseListQuery('scripts', {
      topic: '../../etc/passwd',
      org: "x' OR 1=1",
      format: 'nope',
      audience: ['<script>', 'elderly'],
      dialect: '',
      min: '-3',
      max: '1e9',
      sort: 'random',
      page: 'NaN',
    })
    expect(query).toEqual({ sort: 'newest', page: 1 })
    expect(isFiltered(query)).toBe(false)
  })

  it('clamps, swaps a reversed range and takes the first of repeated keys', () => {
    expect(parseListQuery('videos', { min: '9999', max: '3' })).toMatchObject({
      min: 3,
      max: MAX_MINUTES,
    })
    expect(parseListQuery('videos', { dialect: ['shimen', 'lanchuan'] }).dialect).toBe('shimen')
    expect(parseListQuery('scripts', { page: '0' }).page).toBe(1)
  })

  it('drops filters that do not apply to the kind', () => {
    const query = parseListQuery('cases', {
      format: 'bandeng',
      dialect: 'lanchuan',
      min: '3',
      sort: 'shortest',
      topic: 'fazhi',
    })
    expect(query).toEqual({ topic: 'fazhi', sort: 'newest', page: 1 })
    expect(parseListQuery('videos', { format: 'bandeng' }).format).toBeUndefined()
  })

  it('reads URLSearchParams and round-trips through the query string', () => {
    const query = parseListQuery(
      'scripts',
      new URLSearchParams('topic=fazhi&min=5&sort=shortest&page=3'),
    )
    expect(listQueryString(query)).toBe('?topic=fazhi&min=5&sort=shortest&page=3')
    expect(listQueryString({ sort: 'newest', page: 1 })).toBe('')
  })
})

describe('tree helpers', () => {
  const nodes = [
    { id: 1, parent: null },
    { id: 2, parent: 1 },
    { id: 3, parent: 2 },
    { id: 4, parent: 1 },
    { id: 5, parent: null },
    { id: 6, parent: 7 },
    { id: 7, parent: 6 },
  ]

  it('computes subtrees and ancestors', () => {
    expect(subtreeIds(nodes, 1).sort()).toEqual([1, 2, 3, 4])
    expect(subtreeIds(nodes, 2).sort()).toEqual([2, 3])
    expect(subtreeIds(nodes, 5)).toEqual([5])
    expect(ancestorIds(nodes, 3)).toEqual([2, 1])
  })

  it('survives cycles', () => {
    expect(subtreeIds(nodes, 6).sort()).toEqual([6, 7])
    expect(ancestorIds(nodes, 6)).toEqual([7])
  })
})
