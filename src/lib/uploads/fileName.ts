// Control characters are exactly what this strips.
const CONTROL_AND_BIDI =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const UNSAFE = /[<>:"'`|?*#%&{}$!=+@^~[\];,\\/]/g
const MAX_BASE_LENGTH = 80

/**
 * A safe, readable file name: no folders, control or bidi characters, shell or URL
 * metacharacters, hidden-file dots or double extensions; Chinese kept as it is. The
 * extension always comes from the detected content type, never from the client.
 */
export function normaliseFileName(raw: string, extension: string): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? ''
  const withoutExtension = lastSegment.replace(/\.[A-Za-z0-9]{1,5}$/, '')
  const base = withoutExtension
    .replace(CONTROL_AND_BIDI, '')
    .replace(UNSAFE, ' ')
    .replace(/\./g, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
  const clipped = Array.from(base).slice(0, MAX_BASE_LENGTH).join('').replace(/-+$/, '')
  return `${clipped || 'file'}.${extension}`
}
