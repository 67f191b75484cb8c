import { describe, expect, it } from 'vitest'

import { TAGS } from '@/data/cacheTags'
import { sourcesForChanges, UNTRACKED, type StaticChange } from '@/lib/staticSite/affected'
import { emptyManifest, type Manifest } from '@/lib/staticSite/manifest'
import { takeCacheTags } from '@/lib/staticSite/render'
import { describeBrokenLinks, linkText } from '@/lib/staticSite/site'

const snapshot = (slug: string) => ({
  slug,
  publishedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  org: 1,
  topics: [2],
})

function manifestOf(files: Record<string, { source: string; tags?: string[] }>): Manifest {
  const manifest = emptyManifest('')
  for (const [exported, entry] of Object.entries(files)) {
    manifest.files[exported] = { hash: 'h', ...entry }
  }
  return manifest
}

describe('static files a change touches', () => {
  const manifest = manifestOf({
    '/': { source: '/', tags: [TAGS.list('scripts'), TAGS.resource('scripts', 'a')] },
    '/scripts/a/': { source: '/scripts/a', tags: [TAGS.resource('scripts', 'a')] },
    '/scripts/b/': {
      source: '/scripts/b',
      tags: [TAGS.resource('scripts', 'b'), TAGS.resource('scripts', 'a')],
    },
    '/scripts/c/': { source: '/scripts/c', tags: [TAGS.resource('scripts', 'c')] },
    '/topics/t/': { source: '/topics/t', tags: [TAGS.topic('t')] },
    '/topics/': { source: '/topics', tags: [UNTRACKED] },
    '/_next/static/app.css': { source: '/_next/static/app.css' },
  })
  const withdraw: StaticChange = {
    type: 'resource',
    kind: 'scripts',
    before: snapshot('a'),
    after: null,
    tags: [TAGS.resource('scripts', 'a'), TAGS.list('scripts'), TAGS.topic('t')],
  }

  it('renders every file whose page declared a touched tag, and those that declared none', () => {
    const sources = sourcesForChanges(manifest, [withdraw])
    expect(sources).not.toBe('all')
    expect([...(sources as string[])].sort()).toEqual(
      ['/', '/scripts/a', '/scripts/b', '/topics/t', '/topics'].sort(),
    )
    // The page the change is about first, then the home page.
    expect((sources as string[]).slice(0, 2)).toEqual(['/scripts/a', '/'])
  })

  it('starts with the new detail page of a published or renamed resource', () => {
    const renamed: StaticChange = { ...withdraw, after: snapshot('a-new') }
    expect((sourcesForChanges(manifest, [renamed]) as string[])[0]).toBe('/scripts/a-new')
  })

  it('renders everything for portal-wide changes or without a manifest', () => {
    expect(sourcesForChanges(manifest, [withdraw, { type: 'all', reason: '主题变更' }])).toBe('all')
    expect(sourcesForChanges(null, [withdraw])).toBe('all')
  })
})

describe('tags in rendered pages', () => {
  it('reads the tags a page declared and strips them from the static file', () => {
    const html =
      '<html><head><meta charSet="utf-8"/><meta name="cache-tags" content="r:scripts/a l:scripts"/>' +
      '</head><body>正文</body></html>'
    const { html: stripped, tags } = takeCacheTags(html)
    expect(tags).toEqual(['r:scripts/a', 'l:scripts'])
    expect(stripped).not.toContain('cache-tags')
    expect(stripped).toContain('<meta charSet="utf-8"/>')
  })
})

describe('broken links name the page that holds them', () => {
  it('finds the link text of the anchor', () => {
    const html =
      '<ul><li><a href="/portal/scripts/b/">别的</a></li>' +
      '<li><a class="x" href="/portal/scripts/a/"><strong>婚事新办</strong> 十分钟</a></li></ul>'
    expect(linkText(html, '/scripts/a/')).toBe('婚事新办 十分钟')
    expect(linkText(html, '/scripts/zz/')).toBe('')
    expect(
      describeBrokenLinks([{ target: '/scripts/a/', page: '/scripts/b/', text: '婚事新办' }]),
    ).toBe('/scripts/a/ ← /scripts/b/（链接文字“婚事新办”）')
  })
})
