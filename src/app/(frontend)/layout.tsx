import type { Metadata, Viewport } from 'next'
import { PortalLink } from '@/components/PortalLink'
import { PreviewBanner } from '@/components/PreviewBanner'
import { SearchSuggest } from '@/components/SearchSuggest.client'
import { SiteSearch } from '@/components/SiteSearch'
import type { ReactNode } from 'react'

import { getSiteSettings } from '@/data/site'
import { RESOURCE_KINDS, KIND_LABELS } from '@/lib/kinds'
import { DEFAULT_SHARE_IMAGE } from '@/lib/seo'
import { serverUrl } from '@/lib/serverUrl'

import './styles.css'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings()
  return {
    metadataBase: new URL(serverUrl()),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.tagline,
    alternates: {
      canonical: '/',
      // Feed discovery for readers and media-center CMSs.
      types: {
        'application/rss+xml': [{ url: '/feeds/rss.xml', title: `${site.name} RSS` }],
        'application/atom+xml': [{ url: '/feeds/atom.xml', title: `${site.name} Atom` }],
        'application/feed+json': [{ url: '/feeds/feed.json', title: `${site.name} JSON Feed` }],
      },
    },
    openGraph: {
      siteName: site.name,
      title: site.name,
      description: site.tagline,
      url: '/',
      type: 'website',
      locale: 'zh_CN',
      images: [DEFAULT_SHARE_IMAGE],
    },
    twitter: { card: 'summary_large_image', images: [DEFAULT_SHARE_IMAGE.url] },
    // Installable: the manifest and icons (public/), the service worker comes with offline.js.
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [
        { url: '/icons/favicon-32.png', sizes: '32x32', type: 'image/png' },
        { url: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { url: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { url: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png' },
      ],
      apple: '/icons/apple-touch-icon.png',
    },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#a8332b' }

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const site = await getSiteSettings()
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <PreviewBanner />
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
            <p>
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
