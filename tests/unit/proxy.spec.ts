import { describe, expect, it } from 'vitest'

import { isDecodablePath } from '@/proxy'

describe('isDecodablePath', () => {
  it('accepts plain and well-encoded paths', () => {
    expect(isDecodablePath('/scripts/c-shuoshi-dayuan')).toBe(true)
    expect(isDecodablePath('/search/%E7%A7%BB%E9%A3%8E')).toBe(true)
    expect(isDecodablePath('/api/media/file/a%20b.jpg')).toBe(true)
  })

  it('refuses truncated, overlong and non-hex escapes', () => {
    for (const bad of [
      '/scripts/%E4%B8',
      '/x/%C0%AF',
      '/x/%FF',
      '/x/%zz',
      '/x/%',
      '/x/%ED%A0%80',
    ]) {
      expect(isDecodablePath(bad), bad).toBe(false)
    }
  })
})
