/* eslint-disable no-control-regex -- the tests look for NUL and bidi characters on purpose */
import { parseFeed } from '@rowanmanning/feed-parser'
import { describe, expect, it } from 'vitest'

import { renderFeed, type FeedFormat } from '@/lib/feeds'
import { cleanText, escapeHtml, safeHref } from '@/lib/html'
import { jsonLdText } from '@/lib/seo'
import { cuesToVtt, parseVtt, safeCueText } from '@/lib/vtt'

/** Breaks out of elements, attributes, CDATA and scripts wherever it is pasted in unescaped. */
const HOSTILE = `"'><img src=x onerror=alert(1)></script><script>alert(2)</script>]]>\u202e\u0000末`

describe('text into markup', () => {
  it('escapes the five characters and drops controls and bidi overrides', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
    expect(cleanText('a\u0000b\u0008c\u202ed\u2066e\tf\ng')).toBe('abcde\tf\ng')
    expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"'\u0000\u202e]/)
  })

  it('keeps only http(s), mailto, tel and relative link targets', () => {
    for (const safe of [
      'https://a.example/x',
      'http://a.example',
      'mailto:a@b.c',
      'tel:123',
      '/scripts/a',
      '#top',
      'page',
    ]) {
      expect(safeHref(safe), safe).toBe(safe)
    }
    for (const unsafe of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:x',
      '\u0001javascript:x',
      'data:text/html,<script>',
      'vbscript:x',
      '//evil.example/x',
      '',
      null,
      3,
    ]) {
      expect(safeHref(unsafe), String(unsafe)).toBeNull()
    }
  })

  it('keeps JSON-LD inside its script element', () => {
    const text = jsonLdText({ name: HOSTILE })
    expect(text).not.toContain('</script')
    expect(text).not.toContain('<')
    expect(JSON.parse(text).name).toBe(HOSTILE)
  })
})

describe('feeds with hostile titles and summaries', () => {
  const items = [
    {
      kind: 'scripts' as const,
      title: `标题${HOSTILE}`,
      summary: `摘要${HOSTILE}`,
      url: 'https://ziyuan.lanchuan.example/scripts/a',
      publishedAt: '2026-11-01T08:00:00.000Z',
    },
  ]
  const meta = {
    siteName: '岚川县文明实践资源库',
    siteUrl: 'https://ziyuan.lanchuan.example',
    title: `主题${HOSTILE}`,
    scope: { type: 'topic' as const, slug: 'a' },
  }

  it('sends them as text in RSS and Atom: escaped HTML that a reader shows as the characters', () => {
    for (const format of ['rss.xml', 'atom.xml'] as FeedFormat[]) {
      const xml = renderFeed(format, meta, items)
      expect(xml, format).not.toMatch(/[\u0000\u202e]/)
      // Item titles and summaries are HTML in CDATA sections: not one tag in them.
      const fields = [
        ...xml.matchAll(/<(title|description|summary)[^>]*><!\[CDATA\[([\s\S]*?)\]\]>/g),
      ]
      expect(fields.length, format).toBe(2)
      for (const [, name, html] of fields) {
        expect(html, `${format} ${name}`).not.toMatch(/[<>]/)
        expect(html, `${format} ${name}`).toContain('&lt;img src=x onerror=alert(1)&gt;')
      }
      // A real parser reads them back as the characters that were written.
      const feed = parseFeed(xml)
      expect(feed.items[0].title, format).toBe(`［宣讲稿］标题${cleanText(HOSTILE)}`)
      expect(feed.items[0].description, format).toBe(`摘要${cleanText(HOSTILE)}`)
      expect(feed.title, format).toBe(`主题${cleanText(HOSTILE)}`)
    }
  })

  it('sends them as plain-text fields in JSON Feed, with no content_html', () => {
    const json = JSON.parse(renderFeed('feed.json', meta, items))
    const [item] = json.items
    expect(item.content_html).toBeUndefined()
    expect(item.content_text).toBe(`摘要${cleanText(HOSTILE)}`)
    expect(item.summary).toBe(item.content_text)
    expect(item.title).toBe(`［宣讲稿］标题${cleanText(HOSTILE)}`)
  })
})

describe('subtitles', () => {
  it('keeps WebVTT markup and escapes everything else, in a file the reference parser reads', () => {
    expect(safeCueText('<v 老王><b>乡亲们</b>好</v> <00:01.500>&amp; 你我 & 他')).toBe(
      '<v 老王><b>乡亲们</b>好</v> <00:01.500>&amp; 你我 &amp; 他',
    )
    const vtt = cuesToVtt([{ start: 0, end: 2, text: `字幕${HOSTILE}` }])
    expect(vtt).not.toMatch(/<(?:img|script)\b/i)
    expect(vtt).toContain('&lt;script&gt;alert(2)&lt;/script&gt;')
    const parsed = parseVtt(vtt)
    expect(parsed.ok).toBe(true)
  })
})
