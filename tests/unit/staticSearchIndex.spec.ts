import { describe, expect, it } from 'vitest'

import { parseDocumentKeys } from '@/lib/search/documentKeys'
import { StaticSearchClient } from '@/lib/search/static/client'
import { IDS_PER_HOUR, type StaticManifest } from '@/lib/search/static/format'
import { StaticIndexBuilder, type StaticIndexFiles } from '@/lib/search/static/writer'
import type { SearchDoc } from '@/lib/search/types'
import type { ResourceKind } from '@/lib/kinds'
import { searchChangesOf } from '@/lib/staticSite/affected'

// A fictional county's resources: enough distinct words that documents share some terms only.
const PLACES = ['青石村', '柳塘村', '河湾镇', '松岭乡', '杏花村', '白鹭洲', '石桥社区', '竹溪村']
const THEMES = ['垃圾分类', '移风易俗', '孝老爱亲', '防范诈骗', '文明乘车', '节水灌溉', '读书角']

function doc(n: number, publishedAt: string, kind: ResourceKind = 'scripts'): SearchDoc {
  const place = PLACES[n % PLACES.length]
  const theme = THEMES[n % THEMES.length]
  return {
    kind,
    slug: `doc-${n}`,
    title: `${place}${theme}宣讲第${n}讲`,
    summary: `${place}的志愿者讲${theme}，第${n}次走进院坝。`,
    keyPoints: `${theme}要点${n}`,
    body: `${place}乡亲们围坐在一起，听志愿者用家常话讲${theme}。编号${n}。`,
    extra: `${theme} ${place}`,
    orgName: place,
    publishedAt,
    facets: { topics: [], orgs: [], audience: [] },
  }
}

/** A publication time `hours` after a fixed day, plus `minutes`. */
const at = (hours: number, minutes = 0) =>
  new Date(Date.UTC(2026, 2, 1) + hours * 3_600_000 + minutes * 60_000).toISOString()

const built = (docs: SearchDoc[]) => new StaticIndexBuilder({ shardCount: 64 }).update(docs)

/** The files that differ between two states of the index (changed, added or gone). */
function changedFiles(before: StaticIndexFiles, after: StaticIndexFiles): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => {
    const a = before.get(name)
    const b = after.get(name)
    return !a || !b || Buffer.compare(a, b) !== 0
  })
}

function expectSameFiles(actual: StaticIndexFiles, expected: StaticIndexFiles) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
  expect(changedFiles(actual, expected)).toEqual([])
}

const clientOf = (files: StaticIndexFiles) =>
  new StaticSearchClient('/', async (url) => {
    const body = files.get(url.replace(/^\//, ''))
    return { ok: Boolean(body), text: async () => Buffer.from(body ?? '').toString('utf8') }
  })

describe('static search index kept up to date change by change', () => {
  it('gives, after every kind of change, exactly the files a build from scratch gives', () => {
    // Thirty documents over three weeks, and a burst of twelve in one hour (an import).
    let docs = [
      ...Array.from({ length: 30 }, (_, n) => doc(n, at(n * 17))),
      ...Array.from({ length: 12 }, (_, n) => doc(100 + n, at(600, n), 'videos')),
    ]
    const builder = new StaticIndexBuilder({ shardCount: 64 })
    expectSameFiles(builder.update(docs), built(docs))

    const steps: [string, () => [SearchDoc[], string[]]][] = [
      ['publish a new resource', () => [[doc(200, at(900))], []]],
      ['edit a title', () => [[{ ...docs[5], title: '柳塘村新修的文化广场' }], []]],
      ['withdraw an old resource', () => [[], ['scripts/doc-3']]],
      ['withdraw one in the middle of the burst', () => [[], ['videos/doc-104']]],
      ['rename a slug', () => [[{ ...docs[7], slug: 'doc-7-renamed' }], ['scripts/doc-7']]],
      ['republish with an earlier date', () => [[doc(3, at(1))], []]],
      [
        'publish three at once',
        () => [[doc(300, at(901)), doc(301, at(901)), doc(302, at(2))], []],
      ],
      ['withdraw something not in the index', () => [[], ['cases/never-published']]],
    ]
    for (const [name, step] of steps) {
      const [upserts, removals] = step()
      const gone = new Set([...removals, ...upserts.map((d) => `${d.kind}/${d.slug}`)])
      docs = [...docs.filter((d) => !gone.has(`${d.kind}/${d.slug}`)), ...upserts]
      const files = builder.update(upserts, removals)
      expect(builder.size, name).toBe(docs.length)
      expectSameFiles(files, built(docs))
    }
  })

  it('rewrites only the files a change touches, also when a resource is withdrawn', () => {
    const docs = Array.from({ length: 60 }, (_, n) => doc(n, at(n * 5)))
    const builder = new StaticIndexBuilder()
    const before = builder.update(docs)
    const shards = [...before.keys()].filter((name) => name.startsWith('shards/')).length

    // Withdrawing the oldest resource: its own terms' shards, its chunk and the manifest.
    const afterWithdraw = builder.update([], ['scripts/doc-0'])
    const changed = changedFiles(before, afterWithdraw)
    expect(changed).toContain('manifest.json')
    const chunkOfFirst = [...before].find(
      ([name, body]) => name.startsWith('docs/') && Buffer.from(body).includes('"doc-0"'),
    )?.[0]
    expect(chunkOfFirst).toBeDefined()
    expect(changed).toContain(chunkOfFirst)
    expect(changed.length).toBeLessThan(shards / 4)

    // A new title changes only the shards of the words that came or went.
    const edited = { ...docs[30], title: `${docs[30].title}（修订）` }
    const afterEdit = builder.update([edited])
    const editChanged = changedFiles(afterWithdraw, afterEdit)
    const editedShards = editChanged.filter((name) => name.startsWith('shards/'))
    expect(editedShards.length).toBeGreaterThan(0)
    expect(editChanged.length).toBeLessThan(20)
    // And only those shards were encoded again: every other one is the very same buffer.
    const encodedAgain = [...afterEdit.keys()].filter(
      (name) => name.startsWith('shards/') && afterEdit.get(name) !== afterWithdraw.get(name),
    )
    expect(encodedAgain.sort()).toEqual(editedShards.sort())
  })

  it('finds a newly published resource and no longer finds a withdrawn one', async () => {
    const builder = new StaticIndexBuilder()
    builder.update(Array.from({ length: 20 }, (_, n) => doc(n, at(n))))
    const fresh = { ...doc(50, at(40)), title: '白鹭洲护鸟队的冬天' }
    let files = builder.update([fresh])
    let result = await clientOf(files).search('护鸟队')
    expect(result.hits.map((hit) => hit.slug)).toEqual(['doc-50'])

    files = builder.update([], ['scripts/doc-50'])
    result = await clientOf(files).search('护鸟队')
    expect(result.total).toBe(0)
    // Ties go to the newer resource: ids grow with publication time.
    const tied = await clientOf(files).search('垃圾分类宣讲')
    const dates = tied.hits.map((hit) => Date.parse(hit.publishedAt ?? ''))
    expect(dates.length).toBeGreaterThan(1)
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
  })

  it('reads a written index back and goes on from there, and refuses a mixed set of files', () => {
    const docs = Array.from({ length: 25 }, (_, n) => doc(n, at(n * 3)))
    const written = built(docs)
    const readBack = StaticIndexBuilder.fromFiles(written)
    expect(readBack).not.toBeNull()
    expect(readBack!.size).toBe(docs.length)
    expectSameFiles(readBack!.files(), written)
    const next = [...docs.filter((d) => d.slug !== 'doc-4'), doc(40, at(200))]
    expectSameFiles(readBack!.update([doc(40, at(200))], ['scripts/doc-4']), built(next))

    // A shard left over from another state of the index (an interrupted write): not used.
    const mixed = new Map(written)
    const other = built([...docs, doc(41, at(300))])
    const differing = [...other.keys()].find(
      (name) =>
        name.startsWith('shards/') && Buffer.compare(other.get(name)!, written.get(name)!) !== 0,
    )!
    mixed.set(differing, other.get(differing)!)
    expect(StaticIndexBuilder.fromFiles(mixed)).toBeNull()
    expect(StaticIndexBuilder.fromFiles(new Map())).toBeNull()
  })

  it('builds from pages of documents, and shards in small groups, the files of a build at once', () => {
    const docs = Array.from({ length: 40 }, (_, n) => doc(n, at(n * 2)))
    const whole = built(docs)
    // Pages out of publication order, as a full build reads them (kind by kind, in id order).
    const paged = new StaticIndexBuilder({ shardCount: 64 })
    for (const page of [docs.slice(25), docs.slice(10, 25), docs.slice(0, 10)]) paged.add(page)
    expectSameFiles(paged.update([]), whole)
    expect(() => paged.add([doc(50, at(100))])).toThrow()
    // A few postings per group: every shard is encoded in a group of its own or a few others'.
    const grouped = new StaticIndexBuilder({ shardCount: 64, groupPostings: 20 })
    expectSameFiles(grouped.update(docs), whole)
    const edited = { ...docs[7], body: '新的正文：杏花村的夜校开课了。' }
    expectSameFiles(
      grouped.update([edited], ['scripts/doc-3']),
      built([...docs.filter((d) => d.slug !== 'doc-3' && d.slug !== 'doc-7'), edited]),
    )
  })

  it('numbers documents by publication hour, so ids do not depend on older documents', () => {
    const files = built([doc(1, at(0)), doc(2, at(0, 30)), doc(3, at(5))])
    const manifest = JSON.parse(
      Buffer.from(files.get('manifest.json')!).toString(),
    ) as StaticManifest
    expect(manifest.version).toBe(4)
    expect(manifest.docCount).toBe(3)
    const ids = [...files]
      .filter(([name]) => name.startsWith('docs/'))
      .flatMap(([, body]) =>
        (JSON.parse(Buffer.from(body).toString()) as [number][]).map(([id]) => id),
      )
    const base = ids[0]
    expect(ids).toEqual([base, base + 1, base + 5 * IDS_PER_HOUR])
  })
})

describe('the documents a publish touched', () => {
  it('are the old and new keys of each changed resource, or all of them', () => {
    const snapshot = (slug: string) => ({
      slug,
      publishedAt: null,
      updatedAt: null,
      org: null,
      topics: [],
    })
    expect(
      searchChangesOf([
        {
          type: 'resource',
          kind: 'scripts',
          before: snapshot('a'),
          after: snapshot('b'),
          tags: [],
        },
        { type: 'resource', kind: 'videos', before: null, after: snapshot('c'), tags: [] },
      ]),
    ).toEqual(['scripts/a', 'scripts/b', 'videos/c'])
    expect(
      searchChangesOf([
        { type: 'resource', kind: 'scripts', before: snapshot('a'), after: null, tags: [] },
        { type: 'all', reason: '组织调整' },
      ]),
    ).toBe('all')
  })

  it('are read back by key, and a malformed or oversized key list is refused', () => {
    expect(parseDocumentKeys('scripts/a,videos/b,scripts/c')).toEqual({
      scripts: ['a', 'c'],
      videos: ['b'],
    })
    expect(parseDocumentKeys('')).toEqual({})
    expect(parseDocumentKeys('posts/a')).toBeNull()
    expect(parseDocumentKeys('scripts')).toBeNull()
    expect(parseDocumentKeys('scripts/')).toBeNull()
    expect(
      parseDocumentKeys(Array.from({ length: 101 }, (_, n) => `scripts/s${n}`).join(',')),
    ).toBeNull()
  })
})
