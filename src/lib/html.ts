/**
 * The one rule for plain text that ends up in markup: it goes through `escapeHtml`, after
 * `cleanText` has removed what no reader should get (NUL and other C0 controls that XML forbids,
 * and the bidirectional overrides that make text read differently from what it is). React escapes
 * what it renders by itself; this is for every string we build by hand (feeds, oEmbed `html`,
 * embed snippets, nginx and header files).
 */

/** C0 controls except tab, line feed and carriage return; the UTF-16 non-characters XML forbids. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
/** Bidirectional embeddings, overrides and isolates (Trojan Source), and their pop marks. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** Plain text without the characters that break XML or disguise what the text says. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN_CONTROLS, '').replace(BIDI_CONTROLS, '')
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Plain text as HTML text or a quoted attribute value: shows the same characters, runs nothing. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (character) => ENTITIES[character])
}

/** Schemes a link from content may use; anything else (`javascript:`, `data:`, `vbscript:`) is dropped. */
const SAFE_SCHEME = /^(?:https?|mailto|tel):/i
/** A scheme at the start of a URL, after the controls and spaces browsers ignore there. */
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * A link target from content, or null when it must not become a link: only http(s), mailto and
 * tel, or a relative path or anchor. Browsers drop tabs, line breaks and leading controls before
 * reading a scheme (`java\tscript:`), so those are removed before the check.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  if (!compact) return null
  if (ANY_SCHEME.test(compact)) return SAFE_SCHEME.test(compact) ? url.trim() : null
  // Protocol-relative `//host` leaves the site; a relative path or `#anchor` stays on it.
  return compact.startsWith('//') ? null : url.trim()
}
