import type { CollectionBeforeChangeHook } from 'payload'

import { lexicalToPlainText } from '@/lib/richText'
import { slugify } from '@/lib/slug'
import { countWords, readingMinutes } from '@/lib/text'

type Chapter = { title?: string | null; anchor?: string | null; body?: unknown }

/** Chapter anchors, word count and reading time come from the chapters. */
export const computeTextbookMeasures: CollectionBeforeChangeHook = ({ data }) => {
  const chapters: Chapter[] = Array.isArray(data.chapters) ? data.chapters : []
  let words = 0
  chapters.forEach((chapter, index) => {
    chapter.anchor =
      `ch-${index + 1}${chapter.title ? `-${slugify(chapter.title).slice(0, 24)}` : ''}`.replace(
        /-+$/,
        '',
      )
    words += countWords(`${chapter.title ?? ''}\n${lexicalToPlainText(chapter.body)}`)
  })
  data.wordCount = words
  data.readingMinutes = readingMinutes(words)
  return data
}
