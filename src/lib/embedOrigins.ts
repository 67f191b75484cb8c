import { cleanOrigins } from './framing'

/**
 * The embedding origins from the `site` global, for the proxy (which cannot use the Local API:
 * it is bundled apart from Payload). Read through the public REST API of the same server and
 * kept for `EMBED_ORIGINS_TTL_MS` (default 10 s), so a change in the admin applies within seconds;
 * if the read fails, only the portal itself may frame widgets until the next try.
 */
let cached: { origins: string[]; until: number } | null = null

export function embedOriginsTtl(): number {
  const value = Number(process.env.EMBED_ORIGINS_TTL_MS ?? 10_000)
  return Number.isFinite(value) && value >= 0 ? value : 10_000
}

export async function embedOrigins(selfOrigin: string): Promise<string[]> {
  const now = Date.now()
  if (cached && cached.until > now) return cached.origins
  const base = (process.env.INTERNAL_URL || selfOrigin).replace(/\/+$/, '')
  let origins: string[] = []
  try {
    const response = await fetch(`${base}/api/globals/site?depth=0`, {
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(3000),
    })
    if (response.ok) {
      const site = (await response.json()) as { embedOrigins?: { origin?: string | null }[] | null }
      origins = cleanOrigins((site.embedOrigins ?? []).map((item) => item.origin))
    }
  } catch {
    origins = []
  }
  cached = { origins, until: now + embedOriginsTtl() }
  return origins
}
