import type { Config, Field, FieldHook, Plugin } from 'payload'

import { cleanText } from '@/lib/html'

/** Removes NUL, other XML-forbidden controls and bidi overrides from a text value before it is validated. */
export const cleanTextValue: FieldHook = ({ value }) => {
  if (typeof value === 'string') return cleanText(value)
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? cleanText(item) : item))
  return value
}

/** Cleans the text of every node of a Lexical document (a copy; other values pass through). */
function cleanLexical(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cleanLexical)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'text' && typeof value === 'string' ? cleanText(value) : cleanLexical(value),
    ]),
  )
}

export const cleanRichTextValue: FieldHook = ({ value }) =>
  value && typeof value === 'object' ? cleanLexical(value) : value

/** A data field with `hook` run before its own beforeValidate hooks. */
function cleanedFirst<T extends Field & { hooks?: { beforeValidate?: FieldHook[] } }>(
  field: T,
  hook: FieldHook,
): T {
  return {
    ...field,
    hooks: { ...field.hooks, beforeValidate: [hook, ...(field.hooks?.beforeValidate ?? [])] },
  }
}

function withCleaning(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'text' || field.type === 'textarea')
      return cleanedFirst(field, cleanTextValue)
    if (field.type === 'richText') return cleanedFirst(field, cleanRichTextValue)
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: withCleaning(tab.fields) })),
      }
    }
    if (field.type === 'blocks') {
      return {
        ...field,
        blocks: field.blocks.map((block) => ({ ...block, fields: withCleaning(block.fields) })),
      }
    }
    if ('fields' in field && Array.isArray(field.fields)) {
      return { ...field, fields: withCleaning(field.fields) } as Field
    }
    return field
  })
}

/**
 * Every text and textarea field of every collection and global stores clean text: a title with a
 * NUL would make every XML feed that carries it unreadable, and bidi overrides make a title read
 * differently from what it says. In rich text, the same goes for the text of every node.
 */
export const cleanTextFields =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      fields: withCleaning(collection.fields),
    })),
    globals: (config.globals ?? []).map((global) => ({
      ...global,
      fields: withCleaning(global.fields),
    })),
  })
