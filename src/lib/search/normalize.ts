import { Converter } from 'opencc-js/t2cn'

const toSimplified = Converter({ from: 't', to: 'cn' })

/**
 * Folds text for matching: full-width to half-width and compatibility forms (NFKC), lower case,
 * traditional to simplified Chinese (OpenCC). Length may change only through NFKC, so offsets
 * into folded text are mapped back by searching the folded original, not by index.
 */
export function fold(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
}
