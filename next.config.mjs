import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  // The static publisher bundles the export's search script at run time with esbuild's binary.
  serverExternalPackages: ['esbuild'],
  experimental: {
    // Two-core machines: keep the build's worker count (and peak memory) modest.
    cpus: 2,
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
