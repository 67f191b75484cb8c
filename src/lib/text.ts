/** Text measures for Chinese resources: word counts and speaking/reading time. */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ebef}]/gu
const LATIN_WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g

/** Chinese speaking pace of a grass-roots talk, characters per minute. */
export const SPEAKING_CHARS_PER_MINUTE = 220
/** Silent reading pace for Chinese prose, characters per minute. */
export const READING_CHARS_PER_MINUTE = 400

/** Counts words the way Chinese editors do: each CJK character is one, each Latin word or number is one. */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0
  const latin = text.replace(CJK, ' ').match(LATIN_WORD)?.length ?? 0
  return cjk + latin
}

/** Minutes needed to speak `words` aloud, at least one for any non-empty text. */
export function speakingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / SPEAKING_CHARS_PER_MINUTE))
}

/** Minutes needed to read `words` silently, at least one for any non-empty text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_CHARS_PER_MINUTE))
}
