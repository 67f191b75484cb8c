import { describe, expect, it } from 'vitest'

import { exportedPath, normalizeBasePath, staticPage, stripNextScripts } from '@/lib/staticExport'
import { linkTarget, siteTarget } from '@/lib/staticSite/render'

const at = (path: string) => exportedPath(new URL(path, 'http://127.0.0.1:3000'))

describe('exportedPath', () => {
  it('maps pages to folders and files to themselves', () => {
    expect(at('/')).toBe('/')
    expect(at('/scripts')).toBe('/scripts/')
    expect(at('/scripts/ban-deng')).toBe('/scripts/ban-deng/')
    expect(at('/scripts/ban-deng/script.docx')).toBe('/scripts/ban-deng/script.docx')
    expect(at('/videos/x/subtitles.vtt')).toBe('/videos/x/subtitles.vtt')
    expect(at('/sitemap.xml')).toBe('/sitemap.xml')
    expect(at('/_next/static/chunks/a.js')).toBe('/_next/static/chunks/a.js')
    expect(at('/api/media/file/cover-card.webp')).toBe('/api/media/file/cover-card.webp')
  })

  it('turns list pagination into paths and leaves filters and private areas out', () => {
    expect(at('/scripts?page=2')).toBe('/scripts/page/2/')
    expect(at('/scripts?page=1')).toBe('/scripts/')
    expect(at('/scripts?topic=fazhi')).toBeNull()
    expect(at('/scripts?topic=fazhi&page=2')).toBeNull()
    expect(at('/topics/fazhi?page=2')).toBeNull()
    expect(at('/admin')).toBeNull()
    expect(at('/admin/collections/scripts')).toBeNull()
    expect(at('/api/scripts')).toBeNull()
    expect(at('/api/users/me')).toBeNull()
  })

  it('validates the base path', () => {
    expect(normalizeBasePath(undefined)).toBe('')
    expect(normalizeBasePath('/')).toBe('')
    expect(normalizeBasePath('portal/')).toBe('/portal')
    expect(normalizeBasePath('/a/b')).toBe('/a/b')
    expect(() => normalizeBasePath('/a b"')).toThrow('导出路径前缀不合法')
  })
})

describe('staticPage', () => {
  it('drops Next scripts, keeps JSON-LD and adds the reading tools only where used', () => {
    const html =
      '<head><link rel="preload" as="script" href="/_next/a.js"/><script src="/_next/a.js" async></script>' +
      '<script type="application/ld+json">{"a":1}</script></head><body><p>x</p>' +
      '<script>self.__next_f.push([1,"x"])</script></body>'
    const page = staticPage(html, '/portal')
    expect(page).not.toContain('_next')
    expect(page).toContain('application/ld+json')
    expect(page).not.toContain('reading-tools.js')
    const script = staticPage(
      html.replace('<p>x</p>', '<button data-reading-tool="large">'),
      '/portal',
    )
    expect(script).toContain('<script src="/portal/reading-tools.js" defer></script></body>')
  })

  it('holds the search page’s exported results back until the script has the query’s own', () => {
    const html =
      '<body><form role="search"></form><section class="results" data-search-results>' +
      '<ol class="hits"><li>全部资源</li></ol></section></body>'
    const page = staticPage(html, '/portal')
    expect(page).toContain('<section class="results" data-search-results data-static-pending>')
    expect(page).toContain('<script src="/portal/search.js" defer></script></body>')
    // Other pages with a search box only get the script (suggestions).
    const other = staticPage('<body><form role="search"></form><p>首页</p></body>', '')
    expect(other).not.toContain('data-static-pending')
    expect(other).toContain('<script src="/search.js" defer></script></body>')
  })

  it('keeps the inline scripts marked data-export="keep" (widgets, embed panel), only those', () => {
    const html =
      '<body><script data-export="keep">window.parent.postMessage(1, "*")</script>' +
      '<script data-export="omit">dropped()</script><script>self.__next_f.push(1)</script></body>'
    const page = staticPage(html, '')
    expect(page).toContain('<script data-export="keep">window.parent.postMessage(1, "*")</script>')
    expect(page).not.toContain('dropped()')
    expect(page).not.toContain('__next_f')
  })

  it('drops the nonces of pages rendered per request: the same page gives the same bytes', () => {
    const render = (nonce: string) =>
      stripNextScripts(
        `<head><link rel="stylesheet" href="/_next/static/a.css" nonce="${nonce}" data-precedence="next"/>` +
          `<script nonce="${nonce}">self.__next_f.push(1)</script></head><body><p>列表</p></body>`,
      )
    expect(render('YWJj')).toBe(render('eHl6'))
    expect(render('YWJj')).not.toContain('nonce')
  })
})

describe('links whose query the static page reads itself', () => {
  it('keep their query on one exported page: the order form for a resource or a lecturer (the live e2e export crawls them under a base path)', () => {
    const target = siteTarget({ origin: 'http://127.0.0.1:3000', basePath: '/portal' })
    expect(linkTarget(target, '/orders?resource=scripts/caili', '/scripts/caili')).toEqual({
      exported: '/orders/',
      source: '/orders',
      query: '?resource=scripts/caili',
    })
    expect(linkTarget(target, '/orders?lecturer=chen-liqun', '/')).toMatchObject({
      exported: '/orders/',
      query: '?lecturer=chen-liqun',
    })
    // Any other query on it is not the page's own: not exported, as for filters.
    expect(linkTarget(target, '/orders?page=2', '/')).toBeNull()
  })
})
