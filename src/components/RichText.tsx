import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  RichText as LexicalRichText,
  type JSXConverter,
  type JSXConvertersFunction,
} from '@payloadcms/richtext-lexical/react'

import { safeHref } from '@/lib/html'

type LinkNode = { fields?: { url?: unknown; linkType?: string }; children?: unknown[] }

/** A link converter that renders only the text of links whose target is not a safe URL. */
function guarded(converter: JSXConverter | undefined): JSXConverter | undefined {
  if (typeof converter !== 'function') return converter
  const guard: JSXConverter = (args) => {
    const node = args.node as unknown as LinkNode
    if (node.fields?.linkType === 'internal' || safeHref(node.fields?.url) !== null) {
      return converter(args)
    }
    return <span>{args.nodesToJSX({ nodes: (node.children ?? []) as never })}</span>
  }
  return guard
}

/** The default converters, with `javascript:` and other unsafe link targets reduced to text. */
const safeConverters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: guarded(defaultConverters.link as JSXConverter),
  autolink: guarded(defaultConverters.autolink as JSXConverter),
})

/** Renders a Lexical field as semantic HTML in the portal's prose style. */
export function RichText({ data }: { data: unknown }) {
  if (!data || typeof data !== 'object') return null
  return (
    <LexicalRichText
      data={data as SerializedEditorState}
      converters={safeConverters}
      className="prose"
    />
  )
}
