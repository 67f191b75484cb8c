import type { CollectionSlug, FieldHook, TextField } from 'payload'
import { ValidationError } from 'payload'

import { isValidSlug, slugify } from '@/lib/slug'

type SlugFieldOptions = {
  /** Field the slug is derived from when left empty. @default 'title' */
  from?: string
  overrides?: Partial<TextField>
}

/**
 * Derives a slug from the source field when empty, then makes it unique within the collection
 * by appending -2, -3… The unique index is the final guard against races.
 */
function ensureUniqueSlug(from: string): FieldHook {
  return async ({ value, data, originalDoc, req, collection, operation }) => {
    if (!collection) return value
    let base = typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : ''
    if (!base) {
      const source = data?.[from] ?? originalDoc?.[from]
      base = typeof source === 'string' ? slugify(source) : ''
    }
    if (!base) return value
    if (!isValidSlug(base)) {
      throw new ValidationError(
        {
          collection: collection.slug,
          errors: [
            {
              message: '链接标识只能包含小写英文字母、数字和连字符（如 yi-feng-yi-su）',
              path: 'slug',
            },
          ],
          req,
        },
        req.t,
      )
    }
    const ownId = operation === 'update' ? originalDoc?.id : undefined
    for (let attempt = 1; attempt < 100; attempt++) {
      const candidate = attempt === 1 ? base : `${base}-${attempt}`
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [{ slug: { equals: candidate } }, ...(ownId ? [{ id: { not_equals: ownId } }] : [])],
        },
        req,
        overrideAccess: true,
      })
      if (totalDocs === 0) return candidate
    }
    return `${base}-${Date.now().toString(36)}`
  }
}

/** A unique, readable URL slug (pinyin of the title by default). */
export function slugField({ from = 'title', overrides = {} }: SlugFieldOptions = {}): TextField {
  return {
    name: 'slug',
    type: 'text',
    label: '链接标识',
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: '用于网址，留空则按标题拼音自动生成',
    },
    hooks: { beforeValidate: [ensureUniqueSlug(from)] },
    ...overrides,
  } as TextField
}
