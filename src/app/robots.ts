import type { MetadataRoute } from 'next'

import { serverUrl } from '@/lib/serverUrl'

/** Crawl the portal, not the admin or the API. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: ['/', '/api/media/file/', '/api/files/file/', '/api/video-files/file/'],
      disallow: ['/admin', '/api/', '/lists/'],
    },
    sitemap: `${serverUrl()}/sitemap.xml`,
    host: serverUrl(),
  }
}
