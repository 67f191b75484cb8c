import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info.js'
import { describe, expect, it } from 'vitest'

import { config, isDecodablePath } from '@/proxy'

type Matcher = { regexp: string; has?: unknown[] }
// What `next build` turns `config.matcher` into; exported at run time, not in Next.js's types.
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => Matcher[]
}

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

describe('the proxy matcher', () => {
  // Compiled as `next build` compiles it; the cookie entry (draft mode) aside.
  const matchers = getMiddlewareMatchers(config.matcher, {})
  const runs = (pathname: string) =>
    matchers.some((matcher) => !matcher.has && new RegExp(matcher.regexp).test(pathname))

  it('runs the proxy where it has work', () => {
    for (const pathname of [
      '/api',
      '/api/scripts',
      '/api/media/file/a.jpg',
      '/embed',
      '/embed/scripts',
      '/embed/filtered/scripts/topic/x',
      '/scripts',
      '/videos',
      '/textbooks',
      '/cases',
      '/search',
      '/scripts.rsc',
      '/scripts/%E4%B8',
      '/topics/%E4%B8/x',
      '/feeds/%E4%B8/rss.xml',
    ]) {
      expect(runs(pathname), pathname).toBe(true)
    }
  })

  it('leaves cached pages, feeds, files, the admin and Next.js files alone', () => {
    for (const pathname of [
      '/',
      '/scripts/c-shuoshi-dayuan',
      '/topics/xuexi-lilun',
      '/robots.txt',
      '/embed.js',
      '/embedded',
      '/apix',
      '/searching',
      '/feeds/rss.xml',
      '/admin',
      '/admin/collections/scripts',
      '/_next/static/chunks/a%20b.js',
      '/_next/image%20',
    ]) {
      expect(runs(pathname), pathname).toBe(false)
    }
  })

  it('runs it for any page in draft mode (the preview cookie)', () => {
    const draft = matchers.filter((matcher) => matcher.has)
    expect(draft).toHaveLength(1)
    expect(draft[0].has).toEqual([{ type: 'cookie', key: '__prerender_bypass' }])
    expect(new RegExp(draft[0].regexp).test('/scripts/c-shuoshi-dayuan')).toBe(true)
    expect(new RegExp(draft[0].regexp).test('/_next/static/chunks/a.js')).toBe(false)
  })
})
