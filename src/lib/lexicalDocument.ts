import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

type Block = { type: 'paragraph' | 'heading' | 'quote'; text: string }

function toBlock(paragraph: string): Block {
  if (paragraph.startsWith('## ')) return { type: 'heading', text: paragraph.slice(3).trim() }
  if (paragraph.startsWith('> ')) return { type: 'quote', text: paragraph.slice(2).trim() }
  return { type: 'paragraph', text: paragraph.trim() }
}

function textNode(text: string) {
  return { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }
}

/**
 * Builds a Lexical editor state from plain paragraphs ("## " → heading, "> " → quote).
 * Used by the seed and by importers that start from plain text.
 */
export function paragraphsToLexical(paragraphs: readonly string[]): SerializedEditorState {
  const children = paragraphs.map(toBlock).map((block) => {
    const common = {
      children: [textNode(block.text)],
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
    }
    if (block.type === 'heading') return { ...common, type: 'heading', tag: 'h2' }
    if (block.type === 'quote') return { ...common, type: 'quote' }
    return { ...common, type: 'paragraph', textFormat: 0, textStyle: '' }
  })
  return {
    root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
  } as unknown as SerializedEditorState
}
