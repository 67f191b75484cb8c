import { describe, expect, it } from 'vitest'

import {
  buildOEmbed,
  isOEmbedError,
  MAX_DIMENSION,
  parseDimension,
  resourceFromUrl,
} from '@/lib/embed/oembed'
import { embedCodes } from '@/lib/embed/options'
import { PANEL_JS, WIDGET_JS } from '@/lib/embed/scripts'
import { staticPage } from '@/lib/staticExport'
import { cleanOrigins, framingHeaders, widgetFrameAncestors } from '@/lib/framing'
import { nginxSnippet, staticHostHeaders } from '@/lib/staticSite/hostHeaders'
import { clientAddress, isPublicReadRoute, isRateLimited } from '@/lib/publicApi'

const SITE = 'https://ziyuan.lanchuan.example'

describe('embed codes', () => {
  it('writes codes that escape the title', () => {
    const codes = embedCodes({
      siteUrl: `${SITE}/`,
      widgetPath: '/embed/scripts',
      title: '"新"<宣讲>',
    })
    expect(codes.iframe).toContain(`src="${SITE}/embed/scripts"`)
    expect(codes.iframe).toContain('title="&quot;新&quot;&lt;宣讲&gt;"')
    expect(codes.loader).toContain('data-practice-hub-embed="/embed/scripts"')
    expect(codes.loader).toContain(`<script src="${SITE}/embed.js" async></script>`)
  })
})

describe('inline scripts', () => {
  it('hold no link-like attribute text that the exporter or a crawler would follow', () => {
    for (const script of [WIDGET_JS, PANEL_JS]) {
      expect(script).not.toMatch(/\s(?:href|src|poster|action|content|data-src|srcset)="/i)
      expect(script).not.toMatch(/<\/?script/i)
      // The exporter keeps them whole.
      const html = `<body><script data-export="keep">${script}</script><p>after</p></body>`
      expect(staticPage(html, '/portal')).toBe(html)
    }
  })
})

describe('oEmbed', () => {
  it('recognises our resource URLs and nothing else', () => {
    expect(resourceFromUrl(`${SITE}/scripts/hunshi-xinban`, SITE)).toEqual({
      kind: 'scripts',
      slug: 'hunshi-xinban',
    })
    expect(resourceFromUrl(`${SITE}/embed/videos/a-b/?x=1#t`, SITE)).toEqual({
      kind: 'videos',
      slug: 'a-b',
    })
    const status = (raw: string | null) => {
      const result = resourceFromUrl(raw, SITE)
      return isOEmbedError(result) ? result.status : 200
    }
    expect(status(null)).toBe(400)
    expect(status('  ')).toBe(400)
    expect(status('not a url')).toBe(400)
    expect(status('ftp://ziyuan.lanchuan.example/scripts/a')).toBe(400)
    expect(status('https://evil.example/scripts/a')).toBe(404)
    expect(status(`${SITE}/topics/a`)).toBe(404)
    expect(status(`${SITE}/scripts`)).toBe(404)
    expect(status(`${SITE}/scripts/a/b`)).toBe(404)
    expect(status(`${SITE}/scripts/%E4%B8%AD`)).toBe(404)
    expect(status(`${SITE}/scripts/%zz`)).toBe(404)
  })

  it('fits the frame and the thumbnail into maxwidth/maxheight, clamping huge values', () => {
    expect(parseDimension('1e308')).toBeUndefined()
    expect(parseDimension('99999999999999999999')).toBe(MAX_DIMENSION)
    expect(parseDimension('0')).toBeUndefined()
    expect(parseDimension('-5')).toBeUndefined()
    expect(parseDimension('320')).toBe(320)
    const source = {
      kind: 'videos' as const,
      slug: 'v',
      title: '方言说新风',
      org: { name: '柳溪镇', slug: 'liuxi' },
      images: [
        { url: '/api/media/file/a-400.webp', width: 400, height: 250 },
        { url: '/api/media/file/a-1200.webp', width: 1200, height: 750 },
      ],
    }
    const site = { name: '岚川县文明实践资源库', url: SITE }
    const full = buildOEmbed(source, site)
    expect(full).toMatchObject({ type: 'video', version: '1.0', width: 640, height: 540 })
    expect(full.thumbnail_url).toBe(`${SITE}/api/media/file/a-1200.webp`)
    const small = buildOEmbed(source, site, { maxwidth: 320 })
    expect([small.width, small.height]).toEqual([320, 270])
    expect(small.thumbnail_width).toBeUndefined()
    const short = buildOEmbed(source, site, { maxwidth: 4096, maxheight: 300 })
    expect(short.width).toBeLessThanOrEqual(4096)
    expect(short.height).toBe(300)
    expect(short.thumbnail_width).toBe(400)
    expect(short.html).toContain(`width="${short.width}" height="300"`)
    const rich = buildOEmbed({ ...source, kind: 'scripts', images: [] }, site, { maxheight: 100 })
    expect(rich).toMatchObject({ type: 'rich', height: 100, width: 480 })
    expect(rich).not.toHaveProperty('thumbnail_url')
  })
})

describe('framing policy', () => {
  it('lets the allowed origins frame widgets, and nothing frame the portal but itself', () => {
    expect(
      cleanOrigins([
        'https://A.example/',
        'https://a.example',
        'x',
        'https://b.example; script-src *',
      ]),
    ).toEqual(['https://a.example'])
    expect(widgetFrameAncestors([])).toBe("'self'")
    expect(framingHeaders('/embed/scripts', ['http://localhost:3201'])).toEqual({
      'Content-Security-Policy': "frame-ancestors 'self' http://localhost:3201",
    })
    expect(framingHeaders('/scripts', ['http://localhost:3201'])).toEqual({
      'Content-Security-Policy': "frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
    })
    expect(framingHeaders('/embedded', [])['X-Frame-Options']).toBe('SAMEORIGIN')
    const headers = staticHostHeaders('/portal', ['https://rmt.example'])
    const block = (path: string) => headers.split('\n\n').find((b) => b.startsWith(`${path}\n`))
    expect(block('/portal/embed/*')).toMatch(
      /Content-Security-Policy: script-src 'self' 'sha256-[^;]+;.*frame-ancestors 'self' https:\/\/rmt\.example$/m,
    )
    expect(block('/portal/scripts/*')).toMatch(
      /frame-ancestors 'self'\n {2}X-Frame-Options: SAMEORIGIN/,
    )
    for (const path of [
      '/portal/embed/*',
      '/portal/scripts/*',
      '/portal/oembed/*',
      '/portal/_next/*',
    ]) {
      expect(block(path), path).toContain('X-Content-Type-Options: nosniff')
      expect(block(path), path).toContain('Referrer-Policy: strict-origin-when-cross-origin')
    }
    expect(headers).not.toMatch(/^\/portal\/\*$/m)
    const nginx = nginxSnippet('', ['https://rmt.example'])
    expect(nginx).toContain('location ^~ /embed/ {')
    expect(nginx).toMatch(
      /add_header Content-Security-Policy "script-src 'self' 'sha256-.*frame-ancestors 'self' https:\/\/rmt\.example" always;/,
    )
    expect(nginx).toContain('add_header X-Content-Type-Options "nosniff" always;')
  })
})

describe('public API gate', () => {
  it('knows the public read routes and which of them are rate limited', () => {
    expect(isPublicReadRoute('/api/scripts')).toBe(true)
    expect(isPublicReadRoute('/api/videos/12')).toBe(true)
    expect(isPublicReadRoute('/api/globals/site')).toBe(true)
    expect(isPublicReadRoute('/api/users')).toBe(false)
    expect(isPublicReadRoute('/api/scriptsx')).toBe(false)
    expect(isRateLimited('/api/scripts')).toBe(true)
    expect(isRateLimited('/api/media/file/a.webp')).toBe(false)
    expect(isRateLimited('/api/search')).toBe(false)
    const headers = new Headers({ 'x-forwarded-for': '1.2.3.4, 10.0.0.9' })
    expect(clientAddress(headers)).toBe('10.0.0.9')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})
