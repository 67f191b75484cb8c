import { describe, expect, it } from 'vitest'

import { matchPeople, type PersonSource, personEntry } from '@/lib/search/people'
import { pinyinTerms } from '@/lib/search/pinyin'

const person = (fields: Partial<PersonSource> & Pick<PersonSource, 'slug' | 'name'>) =>
  personEntry(
    { kind: '宣讲员', team: '', orgName: '', topics: [], dialects: [], ...fields },
    pinyinTerms,
  )

const PEOPLE = [
  person({
    slug: 'yang',
    name: '杨秀芬',
    team: '柳溪银发宣讲团',
    orgName: '柳溪村',
    dialects: ['岚川话'],
  }),
  person({
    slug: 'liuxi',
    name: '柳溪银发宣讲团',
    kind: '宣讲团',
    orgName: '柳溪村',
    topics: ['移风易俗'],
  }),
  person({ slug: 'chen', name: '陈立群', orgName: '石门镇', topics: ['法治宣传'] }),
]

const slugs = (query: string, limit?: number) =>
  matchPeople(PEOPLE, query, limit).map((entry) => entry.slug)

describe('lecturer profiles in search', () => {
  it('ranks a match in the name over one in the team over one elsewhere', () => {
    expect(slugs('银发')).toEqual(['liuxi', 'yang'])
    expect(slugs('柳溪')).toEqual(['liuxi', 'yang'])
    expect(slugs('移风易俗')).toEqual(['liuxi'])
  })

  it('needs every part of the query, folded like the resource search', () => {
    expect(slugs('柳溪 岚川话')).toEqual(['yang'])
    expect(slugs('柳溪 法治')).toEqual([])
    // Traditional characters and full-width spaces fold to what the profile says.
    expect(slugs('陳立群')).toEqual(['chen'])
    expect(slugs('石门镇　法治')).toEqual(['chen'])
  })

  it('finds a name by its pinyin or initials, never by a stray Latin letter', () => {
    expect(slugs('chenliqun')).toEqual(['chen'])
    expect(slugs('clq')).toEqual(['chen'])
    expect(slugs('yangxiufen')).toEqual(['yang'])
    expect(slugs('q')).toEqual([])
    // Two letters are a topic's initials far more often than a name's: 彩礼, not 陈立群.
    expect(slugs('cl')).toEqual([])
    // The team's pinyin finds the team's own profile, not each member's.
    expect(slugs('yinfa')).toEqual(['liuxi'])
  })

  it('answers nothing for an empty or punctuation-only query, and at most the limit', () => {
    expect(slugs('')).toEqual([])
    expect(slugs('，。！')).toEqual([])
    expect(slugs('柳溪', 1)).toEqual(['liuxi'])
  })
})
