import type { Metadata, Viewport } from 'next'
import { PortalShell } from '@/components/portal/PortalShell'
import { PreviewBanner } from '@/components/PreviewBanner'
import type { ReactNode } from 'react'

import { getSiteSettings } from '@/data/site'
import { DEFAULT_SHARE_IMAGE, PORTAL_APP_ICONS, PORTAL_VIEWPORT } from '@/lib/seo'
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
    ...PORTAL_APP_ICONS,
  }
}

export const viewport: Viewport = PORTAL_VIEWPORT

export default async function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <PortalShell site={await getSiteSettings()} banner={<PreviewBanner />}>
      {children}
    </PortalShell>
  )
}
