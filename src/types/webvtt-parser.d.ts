declare module 'webvtt-parser' {
  export type ParsedCue = { startTime: number; endTime: number; text: string; id: string }
  export type ParseError = { line: number; col: number; message: string }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>)
    parse(
      input: string,
      mode?: 'subtitles' | 'metadata' | 'chapters',
    ): {
      cues: ParsedCue[]
      errors: ParseError[]
      time: number
    }
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser }
  export default webvtt
}
