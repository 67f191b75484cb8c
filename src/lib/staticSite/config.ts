import path from 'node:path'

import { type SiteTarget, siteTarget } from './render'

export type StaticPublishing = { root: string; target: SiteTarget }

/**
 * Static publishing is on when STATIC_SITE_DIR names the folder a web server (nginx, an object
 * store sync) serves. Pages are rendered by this app at STATIC_RENDER_ORIGIN (default: this
 * server on loopback) and written for STATIC_BASE_PATH under STATIC_PUBLIC_URL (default SITE_URL).
 */
export function staticPublishing(env: NodeJS.ProcessEnv = process.env): StaticPublishing | null {
  const dir = env.STATIC_SITE_DIR?.trim()
  if (!dir) return null
  return {
    root: path.resolve(dir),
    target: siteTarget({
      origin: env.STATIC_RENDER_ORIGIN || `http://127.0.0.1:${env.PORT || 3000}`,
      siteUrl: env.SITE_URL || 'http://localhost:3000',
      publicUrl: env.STATIC_PUBLIC_URL || env.SITE_URL || undefined,
      basePath: env.STATIC_BASE_PATH,
    }),
  }
}
