import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  // The static publisher bundles the export's search script at run time with esbuild's binary.
  serverExternalPackages: ['esbuild'],
  // Next.js's file cache, plus a script policy made of each cached page's inline-script hashes.
  cacheHandler: fileURLToPath(import.meta.resolve('./src/lib/cache/cspCacheHandler.mjs')),
  // Every response, uploads and static files included: types as sent, and no full URLs to others.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ]
  },
  experimental: {
    // Two-core machines: keep the build's worker count (and peak memory) modest.
    cpus: 2,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
