/**
 * Who may put our pages in a frame. Widgets under `/embed/` may be framed by the portal itself and
 * by the media-center sites listed in the `site` global (`embedOrigins`); an empty list means only
 * the portal itself — never "any site" by default. Every other page (portal, admin) is frameable
 * only by the portal itself, which the admin's live preview needs.
 */

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i

/** Whether a path is a widget (frameable by the allowed origins). */
export function isEmbedPath(pathname: string): boolean {
  return pathname === '/embed' || pathname.startsWith('/embed/')
}

/** The allowed origins, normalized and deduplicated; anything that is not a plain origin is dropped. */
export function cleanOrigins(origins: readonly (string | null | undefined)[]): string[] {
  const clean = new Set<string>()
  for (const raw of origins) {
    const value = (raw ?? '').trim().replace(/\/+$/, '')
    if (ORIGIN.test(value)) clean.add(value.toLowerCase())
  }
  return [...clean]
}

/** The `frame-ancestors` source list for widgets: `'self'` plus the allowed origins. */
export function widgetFrameAncestors(origins: readonly (string | null | undefined)[]): string {
  return ["'self'", ...cleanOrigins(origins)].join(' ')
}

/** Response headers for a path: widgets get the allow-list, everything else same-origin only. */
export function framingHeaders(
  pathname: string,
  origins: readonly (string | null | undefined)[],
): Record<string, string> {
  if (isEmbedPath(pathname)) {
    return { 'Content-Security-Policy': `frame-ancestors ${widgetFrameAncestors(origins)}` }
  }
  return { 'Content-Security-Policy': "frame-ancestors 'self'", 'X-Frame-Options': 'SAMEORIGIN' }
}

/** Top-level folders of the exported portal that are not widgets (they get the strict policy). */
const PORTAL_FOLDERS = [
  'scripts',
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
 * A `_headers` file (Netlify, Cloudflare Pages) with the same policy. Rules never overlap, since
 * both hosts join the values of a header set by several matching rules, which for two CSPs would
 * mean the stricter one wins.
 */
export function staticHostHeaders(
  basePath: string,
  origins: readonly (string | null | undefined)[],
): string {
  const strict = framingHeaders('/', origins)
  const embed = framingHeaders('/embed/', origins)
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
    block(`${basePath}/embed/*`, embed),
    block(`${basePath}/oembed/*`, { 'Access-Control-Allow-Origin': '*' }),
    ...portalPaths.map((path) => block(path, strict)),
  ].join('\n')
}

/** An nginx snippet with the same policy, to `include` inside the `server {}` serving the export. */
export function nginxSnippet(
  basePath: string,
  origins: readonly (string | null | undefined)[],
): string {
  const embed = framingHeaders('/embed/', origins)['Content-Security-Policy']
  const strict = framingHeaders('/', origins)
  return [
    '# 文明实践资源库：嵌入组件的框架策略（nginx）。在导出目录所在的 server {} 中 include 本文件。',
    '# Widgets may be framed by the allowed media-center sites; portal pages only by themselves.',
    `location ^~ ${basePath}/embed/ {`,
    `    add_header Content-Security-Policy "${embed}" always;`,
    '}',
    `location ^~ ${basePath}/oembed/ {`,
    '    add_header Access-Control-Allow-Origin "*" always;',
    '}',
    `location ${basePath}/ {`,
    `    add_header Content-Security-Policy "${strict['Content-Security-Policy']}" always;`,
    `    add_header X-Frame-Options "${strict['X-Frame-Options']}" always;`,
    '}',
    '',
  ].join('\n')
}
