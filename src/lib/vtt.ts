import webvtt from 'webvtt-parser'

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

/** Serialises cues as a WebVTT document. */
export function cuesToVtt(cues: readonly Cue[]): string {
  const body = cues
    .map(
      (cue, index) =>
        `${index + 1}\n${timestamp(cue.start)} --> ${timestamp(cue.end)}\n${cue.text}`,
    )
    .join('\n\n')
  return `WEBVTT\n\n${body}\n`
}

/** The transcript of a subtitle track: cue texts joined, markup removed. */
export function cuesToTranscript(cues: readonly Cue[]): string {
  return cues
    .map((cue) => cue.text.replace(/<[^>]+>/g, '').trim())
    .filter(Boolean)
    .join('\n')
}
