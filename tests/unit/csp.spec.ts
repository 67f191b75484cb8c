import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { inlineScriptHashes } from '@/lib/cache/cspCacheHandler.mjs'
import {
  OWN_INLINE_SCRIPTS,
  pageSecurityHeaders,
  rendersPerRequest,
  scriptHash,
  staticPolicy,
} from '@/lib/csp'
import { PANEL_JS, WIDGET_JS } from '@/lib/embed/scripts'

describe('content security policy', () => {
  it('hashes inline scripts the way browsers do (SHA-256 of the exact text, base64)', () => {
    // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
    expect(scriptHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='")
    expect(OWN_INLINE_SCRIPTS).toEqual([scriptHash(PANEL_JS), scriptHash(WIDGET_JS)])
  })

  it('hashes only the inline scripts of a cached page that a browser would run', () => {
    const html = [
      '<script src="/_next/static/a.js" async></script>',
      '<script>self.__next_f.push([1,"a"])</script>',
      '<script type="application/ld+json">{"@type":"Article"}</script>',
      '<script data-export="keep">var x = 1</script>',
      '<SCRIPT type="module">import("/b.js")</SCRIPT>',
      '<script>self.__next_f.push([1,"a"])</script>',
    ].join('')
    expect(inlineScriptHashes(html)).toEqual([
      scriptHash('self.__next_f.push([1,"a"])'),
      scriptHash('var x = 1'),
      scriptHash('import("/b.js")'),
    ])
  })

  it('gives pages rendered per request a nonce policy, cached pages everything but scripts', () => {
    expect(rendersPerRequest('/scripts', false)).toBe(true)
    expect(rendersPerRequest('/search', false)).toBe(true)
    expect(rendersPerRequest('/embed/filtered/scripts', false)).toBe(true)
    expect(rendersPerRequest('/scripts/some-slug', false)).toBe(false)
    expect(rendersPerRequest('/scripts/some-slug', true)).toBe(true)
    expect(rendersPerRequest('/', false)).toBe(false)

    const list = pageSecurityHeaders('/scripts', [], 'bm9uY2U=')['Content-Security-Policy']
    expect(list).toMatch(/^script-src 'self' 'nonce-bm9uY2U=' 'sha256-/)
    expect(list).toContain("object-src 'none'")
    expect(list).toContain("base-uri 'self'")
    expect(list).not.toMatch(/script-src[^;]*unsafe/)

    const detail = pageSecurityHeaders('/scripts/a', [], null)
    expect(detail['Content-Security-Policy']).not.toContain('script-src')
    expect(detail['Content-Security-Policy']).not.toContain('default-src')
    expect(detail['X-Frame-Options']).toBe('SAMEORIGIN')

    const widget = pageSecurityHeaders('/embed/scripts', ['https://rmt.example'], null)
    expect(widget['Content-Security-Policy']).toContain(
      "frame-ancestors 'self' https://rmt.example",
    )
    expect(widget['X-Frame-Options']).toBeUndefined()

    // The admin keeps Payload's own scripts: framing only.
    expect(pageSecurityHeaders('/admin/collections/scripts', [], null)).toEqual({
      'Content-Security-Policy': "frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
    })
  })

  it('deploy/nginx.conf sends the current static policy (its hashes follow the scripts)', () => {
    const config = readFileSync('deploy/nginx.conf', 'utf8')
    expect(config).toContain(
      `add_header Content-Security-Policy "${staticPolicy("'self'")}" always;`,
    )
    const locations = config.match(/\n {4}location [^{]+\{[\s\S]*?\n {4}\}/g) ?? []
    const withHeaders = locations.filter((block) => block.includes('add_header'))
    expect(withHeaders.length).toBeGreaterThan(5)
    for (const block of withHeaders) {
      expect(block).toContain('add_header X-Content-Type-Options "nosniff" always;')
    }
  })
})
