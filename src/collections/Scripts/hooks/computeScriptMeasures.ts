import type { CollectionBeforeChangeHook } from 'payload'

import { lexicalToPlainText } from '@/lib/richText'
import { countWords, speakingMinutes } from '@/lib/text'

/** Word count and speaking time come from the body, never typed by hand. */
export const computeScriptMeasures: CollectionBeforeChangeHook = ({ data }) => {
  const words = countWords(lexicalToPlainText(data.body))
  data.wordCount = words
  data.speakingMinutes = speakingMinutes(words)
  return data
}
