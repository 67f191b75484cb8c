const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u
const RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/gu

/** Shortest Latin/number prefix we index, so "wec" finds "wechat". */
const MIN_PREFIX = 2

export function isCjk(text: string): boolean {
  return CJK_CHAR.test(text)
}

/**
 * Index terms of folded text: each CJK character and each pair of neighbours (as Lucene's CJK
 * analyzer does), and every Latin word or number with its prefixes. Any substring a reader
 * types is then covered by the terms of the documents that contain it.
 */
export function indexTerms(folded: string): Set<string> {
  const terms = new Set<string>()
  for (const [run] of folded.matchAll(RUN)) {
    if (isCjk(run)) {
      for (let i = 0; i < run.length; i++) {
        terms.add(run[i])
        if (i + 1 < run.length) terms.add(run.slice(i, i + 2))
      }
    } else {
      for (let length = Math.min(MIN_PREFIX, run.length); length <= run.length; length++) {
        terms.add(run.slice(0, length))
      }
    }
  }
  return terms
}

/** The terms a query part needs: its CJK bigrams (or the lone character) and Latin prefixes. */
export function queryTerms(foldedPart: string): string[] {
  const terms: string[] = []
  for (const [run] of foldedPart.matchAll(RUN)) {
    if (isCjk(run)) {
      if (run.length === 1) terms.push(run)
      for (let i = 0; i + 1 < run.length; i++) terms.push(run.slice(i, i + 2))
    } else {
      terms.push(run)
    }
  }
  return [...new Set(terms)]
}

/** Splits a query into the parts that must all match: by white space and punctuation. */
export function queryParts(foldedQuery: string): string[] {
  return foldedQuery
    .split(/[\s,，、;；。!！?？"“”'‘’()（）《》【】]+/u)
    .map((part) => part.trim())
    .filter((part) => queryTerms(part).length > 0)
    .slice(0, 8)
}

/** Latin letters only, at least two: a query part that may be pinyin (`caili`, `ljfl`). */
const PINYIN_QUERY = /^[a-z]{2,30}$/

/** The pinyin term a query part looks up, or null when it cannot be pinyin. */
export function pinyinQueryTerm(foldedPart: string): string | null {
  return PINYIN_QUERY.test(foldedPart) ? `~${foldedPart}` : null
}
