import { pinyin } from 'pinyin-pro'

const MAX_SLUG_LENGTH = 60

/** A readable ASCII slug from a Chinese or Latin title: 移风易俗新风尚 → yi-feng-yi-su-xin-feng-shang. */
export function slugify(input: string): string {
  const latinised = pinyin(input, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  })
    .join(' ')
    .normalize('NFKD')
    .toLowerCase()
  const slug = latinised
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '')
  return slug
}

/** Whether a string is a well-formed slug (lowercase ASCII words joined by hyphens). */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= MAX_SLUG_LENGTH + 4
}
