import type { Metadata, Viewport } from 'next'

import { NotFoundMessage, PortalShell } from '@/components/portal/PortalShell'
import { getSiteSettings } from '@/data/site'
import { PORTAL_APP_ICONS, PORTAL_VIEWPORT } from '@/lib/seo'
import { serverUrl } from '@/lib/serverUrl'

import './(frontend)/styles.css'

/**
 * The page for addresses no route matches. The app has several root layouts (portal, widgets,
 * admin), so Next.js has no root layout to put a not-found page in; without this file it answers
 * with an empty document drawn by client script only. This one is rendered on the server in the
 * portal's own look, and the static publisher saves it as 404.html for static hosts.
 */
export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteSettings()
  return {
    metadataBase: new URL(serverUrl()),
    title: `没有找到这个页面 · ${site.name}`,
    ...PORTAL_APP_ICONS,
  }
}

export const viewport: Viewport = PORTAL_VIEWPORT

export default async function GlobalNotFound() {
  return (
    <PortalShell site={await getSiteSettings()}>
      <NotFoundMessage />
    </PortalShell>
  )
}
