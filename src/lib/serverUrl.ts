/** The portal's public base URL (no trailing slash), from `SITE_URL`; used for canonical links. */
export function serverUrl(): string {
  const url = process.env.SITE_URL || process.env.NEXT_PUBLIC_SITE_URL || 'http://localhost:3000'
  return url.replace(/\/+$/, '')
}
