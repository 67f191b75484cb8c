import webvtt from 'webvtt-parser'

import { cleanText } from './html'

// CommonJS module whose exports are assigned at run time: only the default import works in ESM.
const { WebVTTParser } = webvtt

export type Cue = { start: number; end: number; text: string }

export type VttParseResult =
  { ok: true; cues: Cue[] } | { ok: false; errors: { line: number; message: string }[] }

/** Parses WebVTT with the W3C reference parser; returns cues or the errors with line numbers. */
export function parseVtt(source: string): VttParseResult {
  const tree = new WebVTTParser().parse(source, 'subtitles')
  if (tree.errors.length > 0) {
    return {
      ok: false,
      errors: tree.errors.map((error) => ({ line: error.line, message: error.message })),
    }
  }
  return {
    ok: true,
    cues: tree.cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text })),
  }
}

function timestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000)
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`
}

/** WebVTT's own cue markup (b, i, u, c, v, lang, ruby, rt, with classes and annotations) and timestamps. */
const CUE_TAG =
  /^<\/?(?:b|i|u|c|v|lang|ruby|rt)(?:\.[\w-]+)*(?:\s[^<>"'=&]*)?>$|^<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>$/
const ENTITY = /^&(?:[a-z]+|#\d+|#x[\da-f]+);/i

/**
 * Cue text with only WebVTT's own markup left as markup: any other `<`, `>` or stray `&` is
 * escaped, as the format requires. Players show the same text either way; a media center that
 * pastes cue text into HTML gets characters, never an element.
 */
export function safeCueText(text: string): string {
  return text.replace(/<[^<>]*>|[<>]|&/g, (token, offset: number) => {
    if (token.length > 1)
      return CUE_TAG.test(token) ? token : token.replace(/</g, '&lt;').replace(/>/g, '&gt;')
    if (token === '<') return '&lt;'
    if (token === '>') return '&gt;'
    return ENTITY.test(text.slice(offset)) ? token : '&amp;'
  })
}

/** Serialises cues as a WebVTT document. */
export function cuesToVtt(cues: readonly Cue[]): string {
  const body = cues
    .map(
      (cue, index) =>
        `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${safeCueText(cue.text)}`,
    )
    .join('\n\n')
  return `WEBVTT\n\n${body}\n`
}

/** The character references WebVTT cue text may use. */
const CUE_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': '\u00a0',
  '&lrm;': '\u200e',
  '&rlm;': '\u200f',
}

/** The transcript of a subtitle track: cue texts joined, markup removed, entities read as text. */
export function cuesToTranscript(cues: readonly Cue[]): string {
  return cues
    .map((cue) =>
      cue.text
        .replace(/<[^>]+>/g, '')
        .replace(/&(?:amp|lt|gt|nbsp|lrm|rlm);/g, (entity) => CUE_ENTITIES[entity])
        .trim(),
    )
    .filter(Boolean)
    .join('\n')
}

export type SubtitleProblem = { line: number; message: string }

export type PreparedSubtitles =
  | { ok: true; vtt: string; cues: Cue[]; format: 'vtt' | 'srt' }
  | { ok: false; problem: SubtitleProblem }

/** The parser's most common complaints, in the editor's language. */
const PARSER_MESSAGES: Record<string, string> = {
  'No valid signature. (File needs to start with "WEBVTT".)': '文件必须以 WEBVTT 开头',
  'No blank line after the signature.': 'WEBVTT 之后缺少空行',
  'Cue identifier cannot be standalone.': '字幕编号后面缺少时间行',
  'Cue identifier needs to be followed by timestamp.': '字幕编号后面必须紧跟时间行',
  'Blank line missing before cue.': '字幕条之间缺少空行',
  'No timestamp found.': '没有找到时间',
  'No valid timestamp separator found.': '时间行缺少“-->”分隔符',
  'Milliseconds must be given in three digits.': '毫秒必须是三位数',
  'No decimal separator (".") found.': '时间缺少小数点（毫秒前应为“.”）',
  'You cannot have more than 59 minutes.': '分钟不能超过 59',
  'You cannot have more than 59 seconds.': '秒不能超过 59',
  'End timestamp is not greater than start timestamp.': '结束时间必须晚于开始时间',
  'Start timestamp is not greater than or equal to start timestamp of previous cue.':
    '开始时间早于上一条字幕的开始时间（字幕条顺序错乱）',
  'Timestamp must not have trailing characters.': '时间后面有多余的字符',
  // Cue text: WebVTT knows only its own tags, and `<` and `&` must be written as entities.
  'Only <v> and <lang> can have an annotation.':
    '字幕文字里有字幕格式不认识的尖括号标签（只有 <v> 和 <lang> 可以带说明）；请删掉它，或把“<”写成“&lt;”',
  'Incorrect start tag.': '字幕文字里有字幕格式不认识的尖括号标签；请删掉它，或把“<”写成“&lt;”',
  'Incorrect end tag.': '字幕文字里有多余或不配对的结束标签（如 </b>）',
  'Required end tag missing.': '字幕文字里的标签缺少对应的结束标签',
  'Incorrect escape.': '字幕文字里的“&”要写成“&amp;”',
  '<v> requires an annotation.': '<v> 标签要写明说话人，如 <v 老王>',
  '<v> cannot be nested inside itself.': '<v> 标签不能套在另一个 <v> 里',
}

const SRT_TIMING =
  /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{3})(.*)$/

function srtTimingToVtt(line: string): string {
  const match = SRT_TIMING.exec(line.trim())
  if (!match) return line
  const [, h1, m1, s1, ms1, h2, m2, s2, ms2, rest] = match
  const stamp = (h: string, m: string, s: string, ms: string) =>
    `${h.padStart(2, '0')}:${m}:${s}.${ms}`
  return `${stamp(h1, m1, s1, ms1)} --> ${stamp(h2, m2, s2, ms2)}${rest}`
}

function isSrt(lines: readonly string[]): boolean {
  const first = lines.find((line) => line.trim() !== '') ?? ''
  return !first.startsWith('WEBVTT') && lines.some((line) => SRT_TIMING.test(line.trim()))
}

/** The 1-based line of the first line that isn't valid UTF-8, or null when all of it is. */
export function firstNonUtf8Line(data: Uint8Array): number | null {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    decoder.decode(data)
    return null
  } catch {
    let line = 1
    let start = 0
    for (let i = 0; i <= data.length; i++) {
      if (i === data.length || data[i] === 0x0a) {
        try {
          decoder.decode(data.subarray(start, i))
        } catch {
          return line
        }
        line++
        start = i + 1
      }
    }
    return line
  }
}

/**
 * Turns an uploaded or pasted subtitle track into checked WebVTT: SRT is converted, the W3C
 * parser validates it, cues may not overlap, and absurd sizes are refused. Problems carry the
 * line number in the text as the editor wrote it.
 */
export function prepareSubtitles(
  source: string,
  { maxLines, maxCues }: { maxLines: number; maxCues: number },
): PreparedSubtitles {
  // NUL, other controls and bidi overrides are dropped as in every text field (src/lib/html.ts).
  const text = cleanText(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
  const lines = text.split('\n')
  if (lines.length > maxLines) {
    return {
      ok: false,
      problem: {
        line: maxLines + 1,
        message: `字幕文件有 ${lines.length} 行，超过上限 ${maxLines} 行，不像是一条字幕轨`,
      },
    }
  }
  const format = isSrt(lines) ? 'srt' : 'vtt'
  const offset = format === 'srt' ? 2 : 0
  const vtt = format === 'srt' ? `WEBVTT\n\n${lines.map(srtTimingToVtt).join('\n').trim()}\n` : text
  const parsed = parseVtt(vtt)
  if (!parsed.ok) {
    const [first] = parsed.errors
    return {
      ok: false,
      problem: {
        line: Math.max(1, first.line - offset),
        message: PARSER_MESSAGES[first.message] ?? `格式错误（${first.message}）`,
      },
    }
  }
  const timingLines = vtt
    .split('\n')
    .flatMap((line, index) => (line.includes('-->') ? [index + 1 - offset] : []))
  if (parsed.cues.length === 0) {
    return { ok: false, problem: { line: 1, message: '字幕里没有任何字幕条' } }
  }
  if (parsed.cues.length > maxCues) {
    return {
      ok: false,
      problem: {
        line: timingLines[maxCues] ?? 1,
        message: `字幕条太多：${parsed.cues.length} 条，上限 ${maxCues} 条`,
      },
    }
  }
  for (let i = 1; i < parsed.cues.length; i++) {
    if (parsed.cues[i].start < parsed.cues[i - 1].end - 0.0005) {
      return {
        ok: false,
        problem: {
          line: timingLines[i] ?? 1,
          message: `这条字幕与上一条时间重叠（上一条到 ${timestamp(parsed.cues[i - 1].end)} 才结束）`,
        },
      }
    }
  }
  return { ok: true, vtt: format === 'srt' ? vtt : `${text.trim()}\n`, cues: parsed.cues, format }
}
