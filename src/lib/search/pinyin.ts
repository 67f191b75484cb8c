import { pinyin } from 'pinyin-pro'

/**
 * Pinyin terms for phone users who type Latin letters: `caili` or `cl` finds 彩礼, `ljfl` finds
 * 垃圾分类. For every run of Chinese characters, each window of 2 to 6 syllables gives two terms:
 * the syllables joined (`caili`) and their initials (`cl`), in a namespace of their own (`~`), so
 * they never mix with Latin words in the text. A query part of Latin letters looks up `~part`
 * as one term: no conversion is needed on the reader's side (the static search in the browser
 * ships without a pinyin dictionary). Node only: the dictionary is large.
 */

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu
const MIN_SYLLABLES = 2
const MAX_SYLLABLES = 6

/** The namespace of pinyin terms in an index. */
export const PINYIN_PREFIX = '~'

/** Pinyin terms of a text (folded to simplified characters). */
export function pinyinTerms(text: string): Set<string> {
  const terms = new Set<string>()
  for (const [run] of text.matchAll(CJK_RUN)) {
    if (run.length < MIN_SYLLABLES) continue
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true })
    for (let start = 0; start < syllables.length; start++) {
      for (let length = MIN_SYLLABLES; length <= MAX_SYLLABLES; length++) {
        if (start + length > syllables.length) break
        const window = syllables.slice(start, start + length)
        terms.add(`${PINYIN_PREFIX}${window.join('')}`)
        terms.add(`${PINYIN_PREFIX}${window.map((syllable) => syllable[0]).join('')}`)
      }
    }
  }
  return terms
}
