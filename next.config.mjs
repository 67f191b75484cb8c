import { withPayload } from '@payloadcms/next/withPayload'

import CspCacheHandler from './src/lib/cache/cspCacheHandler.mjs'
import { CACHED_PAGE_HEADERS, SAME_ORIGIN_FRAMING } from './src/lib/pageHeaders.mjs'

/**
 * Next.js's file cache, plus a script policy made of each cached page's inline-script hashes
 * (src/lib/cache/cspCacheHandler.mjs). Not `cacheHandler: <path>`: with that option Next.js 16
 * imports the file again on every request (`getIncrementalCache`, ≈ 20 µs a request in a CPU
 * profile of a cached page). Without it, Next.js takes the process-wide handler under this symbol
 * (the hook hosting platforms use). `next start` loads this file before it serves a request; pages
 * that `next build` prerenders get their policy when first read (the handler's `get`).
 */
const cacheHandlers = Symbol.for('@next/cache-handlers')
globalThis[cacheHandlers] = { ...globalThis[cacheHandlers], FetchCache: CspCacheHandler }

const asHeaders = (record) => Object.entries(record).map(([key, value]) => ({ key, value }))

/** Every response: types as sent, and no full URLs to other sites. */
const EVERY_RESPONSE = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}
/** Everything but the API, the admin, widgets and Next.js's own files. */
const PORTAL_PATHS = '/((?!api(?:/|$)|admin(?:/|$)|embed(?:/|$)|_next(?:/|$)).*)'
const ADMIN_PATHS = '/admin/:path*'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No ETag: Next.js hashes every page's whole HTML in JavaScript on every request to make one
  // (FNV over each character: ≈ 145 µs of a 46 kB cached page's ≈ 900 µs, the largest single cost
  // in a CPU profile), and the hash only ever saves a revalidating browser the body of a 304. The
  // static copy's server (nginx) sends its own validators; see README, "The app server's floor".
  generateEtags: false,
  images: { unoptimized: true },
  // The static publisher bundles the export's search script at run time with esbuild's binary.
  serverExternalPackages: ['esbuild'],
  // Fixed headers, set without the proxy (src/proxy.ts adds what varies: the widgets' allowed
  // origins, a nonce on pages rendered per request, the API's CORS). Every response gets
  // EVERY_RESPONSE; portal pages and the admin also say who may frame them, and portal pages get
  // the policy for everything but scripts. Three rules that never overlap, each with all of its
  // path's headers: Next.js checks every rule against every request (an awaited step each), so
  // few rules cost least.
  async headers() {
    return [
      {
        source: PORTAL_PATHS,
        headers: asHeaders({ ...EVERY_RESPONSE, ...CACHED_PAGE_HEADERS }),
      },
      { source: ADMIN_PATHS, headers: asHeaders({ ...EVERY_RESPONSE, ...SAME_ORIGIN_FRAMING }) },
      { source: '/:prefix(api|embed|_next)/:rest*', headers: asHeaders(EVERY_RESPONSE) },
    ]
  },
  experimental: {
    // Two-core machines: keep the build's worker count (and peak memory) modest.
    cpus: 2,
    // src/app/global-not-found.tsx: unmatched addresses get the portal's 404, rendered on the server.
    globalNotFound: true,
  },
}

/**
 * Payload's wrapper asks every response for the colour-scheme client hint (`Accept-CH`, `Vary`,
 * `Critical-CH`); Chromium then drops the first response of every first visit and sends the request
 * again (Payload issue #17906). Only the admin has a colour theme to choose: the portal does not ask.
 * Its headers join our admin rule rather than make a rule of their own.
 */
function clientHintsForAdminOnly(config) {
  const headers = config.headers
  return {
    ...config,
    async headers() {
      const rules = await headers()
      const hints = rules.filter((rule) => rule.headers.some((h) => h.key === 'Critical-CH'))
      return rules
        .filter((rule) => !hints.includes(rule))
        .map((rule) =>
          rule.source === ADMIN_PATHS
            ? { ...rule, headers: [...rule.headers, ...hints.flatMap((hint) => hint.headers)] }
            : rule,
        )
    },
  }
}

export default clientHintsForAdminOnly(withPayload(nextConfig, { devBundleServerPackages: false }))
