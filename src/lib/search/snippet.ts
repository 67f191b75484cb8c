import { fold } from './normalize'
import type { SearchDoc, SnippetPart } from './types'

const RADIUS = 36

/** Splits text into plain and matched parts for every occurrence of the (folded) words. */
export function highlight(text: string, words: string[]): SnippetPart[] {
  const folded = fold(text)
  // Only highlight when folding kept positions aligned (true for simplified Chinese and ASCII).
  if (folded.length !== text.length || words.length === 0) return [{ text, match: false }]
  const marks = new Array<boolean>(text.length).fill(false)
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i++) marks[i] = true
    }
  }
  const parts: SnippetPart[] = []
  for (let i = 0; i < text.length; i++) {
    const last = parts.at(-1)
    if (last && last.match === marks[i]) last.text += text[i]
    else parts.push({ text: text[i], match: marks[i] })
  }
  return parts
}

/** A short passage around the first match in the body (or summary), with the words marked. */
export function snippetFor(doc: SearchDoc, words: string[]): SnippetPart[] {
  for (const source of [doc.body, doc.keyPoints, doc.summary]) {
    const folded = fold(source)
    const positions = words.map((word) => folded.indexOf(word)).filter((at) => at >= 0)
    if (positions.length === 0) continue
    const at = Math.min(...positions)
    const start = Math.max(0, at - RADIUS)
    const end = Math.min(source.length, at + RADIUS * 2)
    const window = source.slice(start, end).replace(/\s+/g, ' ')
    const parts = highlight(window, words)
    if (start > 0) parts.unshift({ text: '…', match: false })
    if (end < source.length) parts.push({ text: '…', match: false })
    return parts
  }
  return [{ text: doc.summary, match: false }]
}
