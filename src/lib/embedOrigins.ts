import { cleanOrigins } from './framing'

/**
 * The embedding origins from the `site` global, for the proxy (which cannot use the Local API:
 * it is bundled apart from Payload). Read through the public REST API of the same server and
 * kept for `EMBED_ORIGINS_TTL_MS` (default 10 s), so a change in the admin applies within seconds.
 *
 * Only a server's very first widget request waits for the read. After that a request never waits:
 * it gets the origins last read while one read at a time, bounded by READ_TIMEOUT_MS, brings them
 * up to date (the server reads from itself, so under load a read waits its turn behind the very
 * requests that would otherwise wait for it; a `fetch` from the proxy could even stay unanswered,
 * holding its widget request for good). A read that fails keeps the origins last read; with none,
 * only the portal itself may frame widgets until the next try.
 */
type Known = { origins: string[]; until: number }

const READ_TIMEOUT_MS = 3000

let known: Known | null = null
let reading: Promise<string[]> | null = null

export function embedOriginsTtl(): number {
  const value = Number(process.env.EMBED_ORIGINS_TTL_MS ?? 10_000)
  return Number.isFinite(value) && value >= 0 ? value : 10_000
}

export async function embedOrigins(selfOrigin: string): Promise<string[]> {
  if (known && known.until > Date.now()) return known.origins
  reading ??= readOrigins(selfOrigin).then((origins) => {
    known = { origins: origins ?? known?.origins ?? [], until: Date.now() + embedOriginsTtl() }
    reading = null
    return known.origins
  })
  return known ? known.origins : reading
}

/** The origins from the REST API; null when the read failed or took longer than READ_TIMEOUT_MS. */
async function readOrigins(selfOrigin: string): Promise<string[] | null> {
  const base = (process.env.INTERNAL_URL || selfOrigin).replace(/\/+$/, '')
  const abort = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  // Our own timer as well as the abort: the read is given up even if the fetch ignores it.
  const timedOut = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      abort.abort()
      resolve(null)
    }, READ_TIMEOUT_MS)
  })
  const read = (async () => {
    try {
      const response = await fetch(`${base}/api/globals/site?depth=0`, {
        cache: 'no-store',
        headers: { Accept: 'application/json' },
        signal: abort.signal,
      })
      if (!response.ok) return null
      const site = (await response.json()) as {
        embedOrigins?: { origin?: string | null }[] | null
      }
      return cleanOrigins((site.embedOrigins ?? []).map((item) => item.origin))
    } catch {
      return null
    }
  })()
  try {
    return await Promise.race([read, timedOut])
  } finally {
    clearTimeout(timer)
  }
}

/** Forgets what was read (tests). */
export function resetEmbedOrigins(): void {
  known = null
  reading = null
}
