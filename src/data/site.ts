import { cache } from 'react'

import { payloadClient } from './payload'

export type SiteSettings = { name: string; tagline: string; footer: string; icp: string }

/** Portal-wide settings from the `site` global, read once per render (layout and metadata share it). */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  const payload = await payloadClient()
  const site = await payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: false })
  return {
    name: site.name || '文明实践资源库',
    tagline: site.tagline ?? '',
    footer: site.footer ?? '',
    icp: site.icp ?? '',
  }
})
