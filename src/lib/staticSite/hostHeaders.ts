import { staticPolicy } from '../csp'
import { widgetFrameAncestors } from '../framing'
import { orderApiOrigin } from '../orders/cors'

/**
 * Response headers of the static copy, for the hosts that serve it: a `_headers` file (Netlify,
 * Cloudflare Pages) and an nginx snippet. The same rules as the live portal: `nosniff` and the
 * referrer policy on everything; on pages the static policy (our scripts and the two inline ones
 * by hash, src/lib/csp.ts), framed only by the portal itself, widgets also by the allowed
 * media-center sites.
 */

/** Headers every file of the copy gets. */
export const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const

/** Headers of a page of the copy; widgets (`embed`) may be framed by the allowed origins. */
export function staticPageHeaders(
  embed: boolean,
  origins: readonly (string | null | undefined)[],
): Record<string, string> {
  return embed
    ? { ...COMMON_HEADERS, 'Content-Security-Policy': staticPolicy(widgetFrameAncestors(origins)) }
    : {
        ...COMMON_HEADERS,
        // The 点单 form and tracking page post to the app, which may live on another origin.
        'Content-Security-Policy': staticPolicy("'self'", [orderApiOrigin()].filter(Boolean)),
        'X-Frame-Options': 'SAMEORIGIN',
      }
}

/** Top-level folders of the exported portal that are not widgets (they get the strict policy). */
const PORTAL_FOLDERS = [
  'scripts',
  'lecturers',
  'orders',
  'videos',
  'textbooks',
  'cases',
  'topics',
  'orgs',
  'search',
  'feeds',
  'api',
]

/**
 * A `_headers` file (Netlify, Cloudflare Pages). Rules never overlap, since both hosts join the
 * values of a header set by several matching rules, which for two CSPs would mean the stricter
 * one wins.
 */
export function staticHostHeaders(
  basePath: string,
  origins: readonly (string | null | undefined)[],
): string {
  const block = (path: string, headers: Record<string, string>) =>
    `${path}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}`)
      .join('\n')}\n`
  const portalPaths = [
    `${basePath}/`,
    `${basePath}/index.html`,
    `${basePath}/404.html`,
    ...PORTAL_FOLDERS.map((folder) => `${basePath}/${folder}/*`),
  ]
  return [
    '# 岚川文明实践资源库 静态导出的响应头（Netlify / Cloudflare Pages 的 _headers 格式）',
    '# Widgets may be framed by the allowed media-center sites; portal pages only by themselves.',
    '',
    block(`${basePath}/embed/*`, staticPageHeaders(true, origins)),
    block(`${basePath}/oembed/*`, { ...COMMON_HEADERS, 'Access-Control-Allow-Origin': '*' }),
    block(`${basePath}/_next/*`, COMMON_HEADERS),
    ...portalPaths.map((path) => block(path, staticPageHeaders(false, origins))),
  ].join('\n')
}

/** `add_header` lines (nginx repeats none of a server's headers in a location with its own). */
function addHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `    add_header ${name} "${value}" always;`)
}

/** An nginx snippet with the same policy, to `include` inside the `server {}` serving the export. */
export function nginxSnippet(
  basePath: string,
  origins: readonly (string | null | undefined)[],
): string {
  return [
    '# 文明实践资源库：静态副本的安全响应头（nginx）。在导出目录所在的 server {} 中 include 本文件。',
    '# Widgets may be framed by the allowed media-center sites; portal pages only by themselves.',
    `location ^~ ${basePath}/embed/ {`,
    ...addHeaders(staticPageHeaders(true, origins)),
    '}',
    `location ^~ ${basePath}/oembed/ {`,
    ...addHeaders({ ...COMMON_HEADERS, 'Access-Control-Allow-Origin': '*' }),
    '}',
    `location ${basePath}/ {`,
    ...addHeaders(staticPageHeaders(false, origins)),
    '}',
    '',
  ].join('\n')
}
