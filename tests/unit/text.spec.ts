import { describe, expect, it } from 'vitest'

import { databaseKind } from '@/lib/database'
import { formatDuration } from '@/lib/format'
import { paragraphsToLexical } from '@/lib/lexicalDocument'
import { lexicalToPlainText } from '@/lib/richText'
import { isValidSlug, slugify } from '@/lib/slug'
import { countWords, readingMinutes, speakingMinutes } from '@/lib/text'
import { cuesToTranscript, cuesToVtt, parseVtt } from '@/lib/vtt'

describe('countWords', () => {
  it('counts each CJK character and each Latin word or number once', () => {
    expect(countWords('移风易俗')).toBe(4)
    expect(countWords('彩礼 2026 年降到 3 万元 WeChat')).toBe(10)
    expect(countWords('，。！？、')).toBe(0)
    expect(countWords('')).toBe(0)
  })
})

describe('speaking and reading time', () => {
  it('rounds to whole minutes with a one-minute floor', () => {
    expect(speakingMinutes(0)).toBe(0)
    expect(speakingMinutes(50)).toBe(1)
    expect(speakingMinutes(2200)).toBe(10)
    expect(readingMinutes(4000)).toBe(10)
  })
})

describe('slugify', () => {
  it('turns Chinese titles into readable pinyin slugs', () => {
    expect(slugify('移风易俗新风尚')).toBe('yi-feng-yi-su-xin-feng-shang')
    expect(slugify('2026年 反诈 Talk!')).toBe('2026-nian-fan-zha-talk')
  })
  it('keeps slugs short and valid', () => {
    const slug = slugify('一'.repeat(80))
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(isValidSlug(slug)).toBe(true)
    expect(isValidSlug('Bad Slug')).toBe(false)
    expect(isValidSlug('../etc')).toBe(false)
  })
})

describe('rich text', () => {
  it('round-trips paragraphs, headings and quotes to plain text', () => {
    const state = paragraphsToLexical(['## 开场', '乡亲们好。', '> 老话说得好'])
    const text = lexicalToPlainText(state)
    expect(text).toContain('开场')
    expect(text).toContain('乡亲们好。')
    expect(text).toContain('老话说得好')
    expect(lexicalToPlainText(null)).toBe('')
    expect(lexicalToPlainText({ nope: true })).toBe('')
  })
})

describe('WebVTT', () => {
  const cues = [
    { start: 0, end: 2.5, text: '乡亲们好' },
    { start: 2.5, end: 61.2, text: '「莫得」就是没有' },
  ]
  it('serialises cues that the W3C parser reads back', () => {
    const parsed = parseVtt(cuesToVtt(cues))
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.cues).toEqual(cues)
    expect(cuesToTranscript(cues)).toBe('乡亲们好\n「莫得」就是没有')
  })
  it('reports malformed timings with a line number', () => {
    const parsed = parseVtt('WEBVTT\n\n1\n00:00:01.000 --> garbage\n文字\n')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors[0].line).toBeGreaterThan(0)
  })
})

describe('databaseKind', () => {
  it('chooses the adapter from DATABASE_URI', () => {
    expect(databaseKind(undefined)).toBe('sqlite')
    expect(databaseKind('file:./data/x.db')).toBe('sqlite')
    expect(databaseKind('mongodb://127.0.0.1:27017/ph')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://cluster.example/ph')).toBe('mongodb')
    expect(() => databaseKind('postgres://x')).toThrow(/DATABASE_URI/)
  })
})

describe('formatDuration', () => {
  it('formats seconds in Chinese', () => {
    expect(formatDuration(75)).toBe('1 分 15 秒')
    expect(formatDuration(9)).toBe('9 秒')
  })
})
