import type { ReactNode } from 'react'

import { PortalLink } from '@/components/PortalLink'
import { SearchSuggest } from '@/components/SearchSuggest.client'
import { SiteSearch } from '@/components/SiteSearch'
import type { SiteSettings } from '@/data/site'
import { KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'

/**
 * The portal's document: header with the kinds and search, the page, the footer. Shared by the
 * portal's root layout and the global not-found page, which Next.js renders outside any layout.
 */
export function PortalShell({
  site,
  banner,
  children,
}: {
  site: SiteSettings
  banner?: ReactNode
  children: ReactNode
}) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        {banner}
        <header className="site-header">
          <div className="container">
            <PortalLink href="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              {site.name}
            </PortalLink>
            <nav className="site-nav" aria-label="资源分类">
              <ul>
                {RESOURCE_KINDS.map((kind) => (
                  <li key={kind}>
                    <PortalLink href={`/${kind}`}>{KIND_LABELS[kind].short}</PortalLink>
                  </li>
                ))}
                <li>
                  <PortalLink href="/lecturers">宣讲员</PortalLink>
                </li>
                <li>
                  <PortalLink href="/topics">主题</PortalLink>
                </li>
                <li>
                  <PortalLink href="/orgs">地区</PortalLink>
                </li>
                <li>
                  <PortalLink href="/search">搜索</PortalLink>
                </li>
              </ul>
            </nav>
            <SiteSearch variant="header" />
          </div>
        </header>
        <SearchSuggest />
        <main id="main">
          <div className="container">{children}</div>
        </main>
        <footer className="site-footer">
          <div className="container">
            {site.footer}
            <p className="footer-links">
              <PortalLink href="/orders">点单预约宣讲</PortalLink>
              <PortalLink href="/orders/track">我的点单</PortalLink>
              <PortalLink href="/orders/figures">点单数据</PortalLink>
              <PortalLink href="/offline">我的离线稿件</PortalLink>
            </p>
            {site.icp ? (
              <p>
                <a href="https://beian.miit.gov.cn/" rel="nofollow noopener">
                  {site.icp}
                </a>
              </p>
            ) : null}
          </div>
        </footer>
        {/* 保存到手机 and the service worker; kept in the static copy, which crawls data-src. */}
        <script src="/offline.js" async data-export="keep" data-src="/sw.js" />
      </body>
    </html>
  )
}

/** What a reader sees on a missing or withdrawn page. */
export function NotFoundMessage() {
  return (
    <section className="not-found">
      <h1>没有找到这个页面</h1>
      <p>它可能已被撤下，或者网址有误。</p>
      <p>
        <PortalLink className="button" href="/">
          回到首页
        </PortalLink>
      </p>
    </section>
  )
}
