import { describe, expect, it } from 'vitest'

import { normaliseFileName } from '@/lib/uploads/fileName'
import { firstNonUtf8Line, prepareSubtitles } from '@/lib/vtt'

const LIMITS = { maxLines: 5000, maxCues: 1500 }

describe('normaliseFileName', () => {
  it.each([
    ['岚川 茶园 采茶.JPG', 'jpg', '岚川-茶园-采茶.jpg'],
    ['../../etc/passwd', 'png', 'passwd.png'],
    ['C:\\Users\\老杨\\照片.jpeg', 'jpg', '照片.jpg'],
    ['invoice\u202Egpj.exe', 'pdf', 'invoicegpj.pdf'],
    ['a\u0000b\u0007c.png', 'png', 'abc.png'],
    ['shell.php.jpg', 'jpg', 'shell-php.jpg'],
    ['.htaccess', 'vtt', 'htaccess.vtt'],
    ['<script>alert(1)</script>.png', 'png', 'script.png'],
    ['...', 'mp4', 'file.mp4'],
  ])('%j → %s', (raw, ext, expected) => {
    expect(normaliseFileName(raw, ext)).toBe(expected)
  })

  it('keeps long Chinese names readable but bounded', () => {
    const name = normaliseFileName(`${'杏'.repeat(200)}.pdf`, 'pdf')
    expect(Array.from(name)).toHaveLength(84)
  })
})

describe('prepareSubtitles', () => {
  it('converts SRT to WebVTT, keeping the text and timings', () => {
    const result = prepareSubtitles(
      '1\n0:00:01,000 --> 0:00:02,500\n你好\n\n2\n00:00:03,000 --> 00:00:04,000\n再见',
      LIMITS,
    )
    expect(result.ok && result.format).toBe('srt')
    expect(result.ok && result.vtt).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\n你好\n\n2\n00:00:03.000 --> 00:00:04.000\n再见\n',
    )
  })

  it('reports overlapping cues at the line of the later cue', () => {
    const result = prepareSubtitles(
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n一\n\n00:00:02.000 --> 00:00:04.000\n二\n',
      LIMITS,
    )
    expect(result.ok ? null : result.problem.line).toBe(6)
  })

  it('reports SRT problems with the line numbers of the SRT file', () => {
    const result = prepareSubtitles(
      '1\n00:00:01,000 --> 00:00:02,000\n一\n\n2\n00:00:01.5 --> 00:00:03,000\n二\n',
      LIMITS,
    )
    expect(result.ok ? null : result.problem).toMatchObject({ line: 6 })
  })

  it('refuses absurd sizes before parsing', () => {
    const result = prepareSubtitles(`WEBVTT\n${'\n'.repeat(6000)}`, LIMITS)
    expect(result.ok ? null : result.problem.message).toMatch(/超过上限 5000 行/)
  })

  it('accepts touching cues and a byte-order mark', () => {
    const result = prepareSubtitles(
      '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n一\r\n\r\n00:00:02.000 --> 00:00:03.000\r\n二\r\n',
      LIMITS,
    )
    expect(result.ok && result.cues.length).toBe(2)
  })
})

describe('firstNonUtf8Line', () => {
  it('finds the line with GBK bytes', () => {
    const data = Buffer.concat([
      Buffer.from('WEBVTT\n\n字幕\n'),
      Buffer.from([0xc4, 0xe3]),
      Buffer.from('\n'),
    ])
    expect(firstNonUtf8Line(data)).toBe(4)
    expect(firstNonUtf8Line(Buffer.from('WEBVTT\n\n你好\n'))).toBeNull()
  })
})
