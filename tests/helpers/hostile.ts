import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { paragraphsToLexical } from '../../src/lib/lexicalDocument'

/**
 * Text that breaks out of an element, an attribute (either quote), a CDATA section and a script
 * wherever something pastes it into markup unescaped, with a bidi override and a NUL. It fits
 * every name field (≤ 80 characters with a short label and the run's marker).
 */
export const PAYLOAD = `"'><img src=x onerror=alert(1)></script><script>alert(2)</script>]]>\u202e\u0000末`

/** The same attacks in 32 characters, for fields of at most 40 (topic names). */
export const SHORT_PAYLOAD = `"'><img src=x onerror=alert(1)>\u202e\u0000`

/** A hostile value with a label and a marker that finds it again (`label` + `mark` + payload). */
export function hostile(label: string, mark: string, short = false): string {
  return `${label}${mark}${short ? SHORT_PAYLOAD : PAYLOAD}`
}

/** A short marker for one run (6 characters), to find its hostile values again. */
export function hostileMark(): string {
  return `h${Date.now().toString(36).slice(-5)}`
}

/** What a hostile value reads as once stored: NUL and bidi overrides removed on save. */
export function stored(value: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is what it removes
  return value.replace(/[\u0000\u202e]/g, '')
}

/** A rich-text body with the hostile text and a `javascript:` link. */
export function hostileBody(text: string): SerializedEditorState {
  const body = paragraphsToLexical([text]) as unknown as {
    root: { children: Record<string, unknown>[] }
  }
  body.root.children.push({
    type: 'paragraph',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [
      {
        type: 'link',
        version: 3,
        id: 'hostile-link',
        direction: 'ltr',
        format: '',
        indent: 0,
        fields: { url: "javascript:alert('链接')", newTab: false, linkType: 'custom' },
        children: [
          {
            type: 'text',
            version: 1,
            text: '危险链接',
            detail: 0,
            format: 0,
            mode: 'normal',
            style: '',
          },
        ],
      },
    ],
  })
  return body as unknown as SerializedEditorState
}

/** Markup that content turned live: elements and attributes the payload would create. */
export const INJECTED_SELECTOR =
  'img[src="x"], [onerror], [onmouseover], a[href^="javascript:" i], iframe[src^="javascript:" i]'

/** A hostile subtitle track (WebVTT) whose only cue is the hostile text. */
export function hostileSubtitles(text: string): string {
  return `WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n${text}\n`
}
