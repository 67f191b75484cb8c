import { describe, expect, it } from 'vitest'

import { SearchIndex } from '@/lib/search/engine'
import { fold } from '@/lib/search/normalize'
import { parseSearchParams } from '@/lib/search/params'
import { indexTerms, queryParts, queryTerms } from '@/lib/search/tokenize'
import type { SearchDoc } from '@/lib/search/types'

function doc(slug: string, fields: Partial<SearchDoc> & Pick<SearchDoc, 'title'>): SearchDoc {
  return {
    kind: 'scripts',
    slug,
    summary: '',
    keyPoints: '',
    body: '',
    extra: '',
    orgName: '杏花村新时代文明实践站',
    publishedAt: '2026-01-01T00:00:00.000Z',
    facets: { topics: ['yifeng-yisu'], orgs: ['xinghua', 'liuxi', 'lanchuan'], audience: [] },
    ...fields,
  }
}

const DOCS = [
  doc('caili', {
    title: '彩礼轻一点，情分重一点',
    summary: '讲高价彩礼的害处',
    body: '去年杏花村周大姐嫁女儿，彩礼从八万八降到八千八，两家人都高兴。',
    facets: {
      topics: ['hunshi-xinban', 'yifeng-yisu'],
      orgs: ['xinghua', 'liuxi', 'lanchuan'],
      audience: ['elderly'],
      format: 'bandeng',
      minutes: 15,
    },
  }),
  doc('fangzha', {
    kind: 'videos',
    title: '老杨叔讲防诈骗',
    body: '接到自称公安的电话，莫慌，先挂断再打 110 核实。老年人要多留个心眼。',
    publishedAt: '2026-06-01T00:00:00.000Z',
    facets: {
      topics: ['fazhi'],
      orgs: ['hewan', 'liuxi', 'lanchuan'],
      audience: [],
      dialect: 'lanchuan',
      minutes: 2,
    },
  }),
  doc('yibao', {
    title: '医保这本账',
    summary: '老年人看病报销怎么算',
    body: '住院花了 2 万元，医保报销了一大半。彩礼的事下回再说。',
    facets: {
      topics: ['huimin-zhengce'],
      orgs: ['shimen', 'lanchuan'],
      audience: ['elderly'],
      format: 'weixuanjiang',
      minutes: 25,
    },
  }),
]

describe('folding and tokenizing', () => {
  it('folds width, case and traditional characters', () => {
    expect(fold('彩禮 ＡＰＰ ２０２５ 鄉村振興')).toBe('彩礼 app 2025 乡村振兴')
  })
  it('indexes CJK unigrams and bigrams and Latin prefixes', () => {
    const terms = indexTerms(fold('防诈骗 App'))
    for (const term of ['防', '防诈', '诈骗', '骗', 'ap', 'app']) expect(terms.has(term)).toBe(true)
    expect(queryTerms('移风易俗')).toEqual(['移风', '风易', '易俗'])
    expect(queryParts(fold('老年人　防诈骗，彩礼'))).toEqual(['老年人', '防诈骗', '彩礼'])
  })
})

describe('SearchIndex', () => {
  const index = new SearchIndex(DOCS)

  it('finds any substring, traditional or simplified, and ranks titles first', () => {
    expect(index.search('彩礼').hits.map((hit) => hit.slug)).toEqual(['caili', 'yibao'])
    expect(index.search('彩禮').hits.map((hit) => hit.slug)).toEqual(['caili', 'yibao'])
    expect(index.search('八千八').hits.map((hit) => hit.slug)).toEqual(['caili'])
    expect(index.search('公安的电话').hits.map((hit) => hit.slug)).toEqual(['fangzha'])
    expect(index.search('１１０').hits.map((hit) => hit.slug)).toEqual(['fangzha'])
  })

  it('requires every word, then falls back to any word', () => {
    const both = index.search('老年人 防诈骗')
    expect(both.hits.map((hit) => hit.slug)).toEqual(['fangzha'])
    expect(both.partial).toBe(false)
    const some = index.search('彩礼 不存在的词')
    expect(some.partial).toBe(true)
    expect(some.total).toBe(2)
  })

  it('does not match characters that are merely near each other', () => {
    expect(index.search('礼情').total).toBe(0)
  })

  it('filters and counts facets', () => {
    const result = index.search('', { org: 'liuxi' })
    expect(result.hits.map((hit) => hit.slug).sort()).toEqual(['caili', 'fangzha'])
    expect(result.facets.kind).toEqual([
      { value: 'scripts', count: 1 },
      { value: 'videos', count: 1 },
    ])
    expect(index.search('', { topic: 'yifeng-yisu' }).total).toBe(1)
    expect(index.search('', { duration: 'long' }).hits.map((hit) => hit.slug)).toEqual(['yibao'])
    expect(index.search('彩礼', { audience: 'elderly', format: 'bandeng' }).total).toBe(1)
  })

  it('marks matches in a snippet around the first occurrence', () => {
    const [hit] = index.search('八千八').hits
    const marked = hit.snippet.filter((part) => part.match).map((part) => part.text)
    expect(marked).toEqual(['八千八'])
    expect(hit.snippet.map((part) => part.text).join('')).toContain('降到八千八')
  })
})

describe('SearchIndex.withChanges', () => {
  const QUERIES = [
    '彩礼',
    '老年人 防诈骗',
    '八千八',
    '医保',
    '',
    'caili',
    'yb',
    '长塘',
    '彩礼 不存在的词',
  ]
  const FILTERS = [{}, { org: 'liuxi' }, { kind: 'videos' as const }, { audience: 'elderly' }]
  /** Everything a search answers, for comparing two indexes hit by hit. */
  const answers = (index: SearchIndex) =>
    QUERIES.flatMap((query) => FILTERS.map((filters) => index.search(query, filters)))

  it('answers as a fresh build of the same documents, after edits, removals and additions', () => {
    const before = new SearchIndex(DOCS)
    const edited = { ...DOCS[0], title: '长塘村的新规矩', body: '红白喜事不攀比，彩礼八千八。' }
    const added = doc('changtang', {
      title: '长塘夜校开课了',
      summary: '村民晚上学医保政策',
      facets: { topics: ['huimin-zhengce'], orgs: ['liuxi', 'lanchuan'], audience: ['elderly'] },
    })
    const after = before.withChanges({ remove: ['videos/fangzha'], upsert: [edited, added] })
    const fresh = new SearchIndex([edited, DOCS[2], added])

    expect(answers(after)).toEqual(answers(fresh))
    expect(after.size).toBe(3)
    expect(after.emptySlots).toBe(2)
    expect(
      after
        .search('长塘')
        .hits.map((hit) => hit.slug)
        .sort(),
    ).toEqual(['caili', 'changtang'])
    expect(after.search('公安').total).toBe(0)
    // The index it came from answers as before: searches running on it are not disturbed.
    expect(answers(before)).toEqual(answers(new SearchIndex(DOCS)))
  })

  it('takes a document back after removing it, and ignores keys it does not hold', () => {
    const index = new SearchIndex(DOCS)
    const gone = index.withChanges({ remove: ['scripts/caili', 'cases/none'] })
    expect(gone.search('八千八').total).toBe(0)
    const back = gone.withChanges({ upsert: [DOCS[0]] })
    expect(answers(back)).toEqual(answers(new SearchIndex([DOCS[1], DOCS[2], DOCS[0]])))
    expect(back.docs.map((entry) => entry.slug).sort()).toEqual(['caili', 'fangzha', 'yibao'])
  })
})

describe('parseSearchParams', () => {
  it('keeps valid input and drops what is not', () => {
    const parsed = parseSearchParams(
      new URLSearchParams(
        'q=%E5%BD%A9%E7%A4%BC&kind=scripts&format=bandeng&dialect=klingon&topic=../../etc&page=-3',
      ),
    )
    expect(parsed).toEqual({
      query: '彩礼',
      filters: { kind: 'scripts', format: 'bandeng' },
      page: 1,
    })
    expect(parseSearchParams({ q: 'x'.repeat(500), page: '99999' })).toMatchObject({ page: 500 })
    expect(parseSearchParams({ q: 'x'.repeat(500) }).query.length).toBe(100)
    expect(parseSearchParams({ q: ['a', 'b'], kind: 'nope' })).toEqual({
      query: 'a',
      filters: {},
      page: 1,
    })
  })
})
