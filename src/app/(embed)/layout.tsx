import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { serverUrl } from '@/lib/serverUrl'

import './embed.css'

export const metadata: Metadata = {
  metadataBase: new URL(serverUrl()),
  // Widgets live inside other sites; search engines should index the portal pages instead.
  robots: { index: false, follow: true },
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/** Widgets and oEmbed: no portal header, footer or navigation, nothing but the widget itself. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="embed">{children}</body>
    </html>
  )
}
