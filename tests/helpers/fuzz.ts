/**
 * Hostile requests for the public surface, drawn from a seeded PRNG so a failure is reproducible
 * with the same FUZZ_SEED.
 */

export type Probe = {
  method: 'GET' | 'POST' | 'PATCH'
  path: string
  headers?: Record<string, string>
  body?: string
  authenticated: boolean
}

/** mulberry32: tiny, fast, good enough for choosing test inputs. */
export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Pages and endpoints anyone can reach. */
export const PUBLIC_PATHS = [
  '/',
  '/scripts',
  '/videos',
  '/textbooks',
  '/cases',
  '/topics',
  '/orgs',
  '/search',
  '/preview',
  '/sitemap.xml',
  '/robots.txt',
  '/feeds/rss.xml',
  '/feeds/scripts/atom.xml',
  '/feeds/topic/yifeng-yisu/feed.json',
  '/feeds/org/liuxi/rss.xml',
  '/scripts/x',
  '/topics/x',
  '/orgs/x',
  '/api/search',
  '/api/search/documents',
  '/api/health',
  '/api/scripts',
  '/api/videos',
  '/api/textbooks',
  '/api/cases',
  '/api/orgs',
  '/api/topics',
  '/api/media',
  '/api/files',
  '/api/users',
  '/api/globals/site',
  '/api/users/me',
]

const QUERY_KEYS = [
  'q',
  'page',
  'limit',
  'sort',
  'kind',
  'topic',
  'org',
  'format',
  'dialect',
  'audience',
  'tag',
  'depth',
  'draft',
  'locale',
  'select[title]',
  'where[title][like]',
  'where[or][0][slug][equals]',
  'where[_status][equals]',
  'where[id][in]',
  'where[org.name][contains]',
  'populate[orgs][name]',
  'joins',
  'id',
  'kind[]',
  'page[a]',
]

const NASTY_VALUES = [
  '',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  'Infinity',
  '-0.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '{"$gt":""}',
  "' OR 1=1 --",
  '"; DROP TABLE scripts; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%E4%B8',
  '%C0%AF',
  '%FF%FE',
  '%',
  '%zz',
  '%00',
  '\u0000',
  '%ED%A0%80',
  '移风易俗',
  '婚事新办 彩礼',
  '🙂'.repeat(50),
  'a'.repeat(5000),
  '移'.repeat(3000),
  '__proto__',
  'constructor',
  'title:desc',
  '-publishedAt,--id',
]

const NASTY_PATHS = [
  '/scripts/%E4%B8',
  '/scripts/%C0%AF%C0%AF',
  '/scripts/%FF',
  '/scripts/..%2F..%2F..%2Fetc%2Fpasswd',
  '/scripts/%2e%2e%2f%2e%2e%2fpackage.json',
  '/topics/%E4%B8/%E4%B8',
  '/orgs/' + 'x'.repeat(3000),
  '/feeds/..%2F..%2Fetc%2Fpasswd',
  '/feeds/%E4%B8/rss.xml',
  '/feeds/topic/%00/rss.xml',
  '/feeds/org/../../rss.xml',
  '/feeds/scripts/rss.xml.bak',
  '/media/..%2F..%2Fpackage.json',
  '/media/images/..%2F..%2F..%2Fetc%2Fpasswd',
  '/api/media/file/..%2F..%2Fpackage.json',
  '/api/media/file/%2e%2e%2f%2e%2e%2f.env',
  '/api/files/file/%E4%B8',
  '/api/video-files/file/..%5C..%5Cpackage.json',
  '/api/scripts/%E4%B8',
  '/api/scripts/..%2F..%2Fusers',
  '/api/scripts/99999999999999999999',
  '/api/scripts/-1',
  '/api/scripts/1e309',
  '/api/scripts/abc',
  '/api/scripts/1/../../users',
  '/api/scripts/versions/abc',
  '/api/globals/%E4%B8',
  '/api/globals/site/versions/abc',
  '/api/%E4%B8',
  '/api/users/%00',
  '/_next/static/..%2F..%2F..%2Fpackage.json',
  '/_next/image?url=%2F..%2F..%2Fetc%2Fpasswd&w=64&q=75',
  '/_next/image?url=http://169.254.169.254/&w=64&q=75',
  '/preview?kind=scripts&id=%E4%B8',
  '/preview?kind=..%2F..&id=1',
  '/search?q=%E4%B8',
  '/search?page=-1&kind=%FF',
]

const WRITE_TARGETS = [
  '/api/scripts',
  '/api/videos',
  '/api/cases',
  '/api/textbooks',
  '/api/orgs',
  '/api/topics',
  '/api/users',
  '/api/users/login',
  '/api/users/forgot-password',
  '/api/users/refresh-token',
  '/api/media',
  '/api/graphql',
  '/api/search',
]

function junkBody(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const shapes = [
    () => 'not json {',
    () => '{"title": ',
    () => '[]',
    () => 'null',
    () => '"字符串"',
    () => JSON.stringify({ title: 123, summary: ['a'], org: 'abc', body: '不是富文本' }),
    () => JSON.stringify({ title: pick(NASTY_VALUES), org: { $gt: 0 }, topics: 'x' }),
    () => JSON.stringify({ title: '移'.repeat(200_000), summary: 'x', org: 1, body: {} }),
    () => JSON.stringify({ email: pick(NASTY_VALUES), password: pick(NASTY_VALUES) }),
    () => JSON.stringify({ email: 'a@b.c', password: { $ne: '' } }),
    () => JSON.stringify({ query: '{ Scripts(where: { title: { like: 1 } }) { docs { id } } }' }),
    () => JSON.stringify({ query: '{'.repeat(3000) }),
    () => JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: {} } }),
    () => '{"org": 99999999999999999999, "related": [{"relationTo": "x", "value": 1}]}',
    () => JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ i }))),
    () => JSON.stringify({ depth: 1e9, limit: -1, where: { or: [{ and: [] }] } }),
  ]
  return pick(shapes)()
}

function query(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const value = pick(NASTY_VALUES)
    // Values that are already percent-encoded (valid or not) go in raw; the rest are encoded.
    const raw = /%/.test(value) && random() < 0.7
    return `${pick(QUERY_KEYS)}=${raw ? value : encodeURIComponent(value)}`
  })
  return parts.join('&')
}

/** `count` hostile requests, the same list for the same seed. */
export function fuzzRequests(seed: number, count: number): Probe[] {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
  const probes: Probe[] = NASTY_PATHS.map((p) => ({ method: 'GET', path: p, authenticated: false }))
  while (probes.length < count) {
    const roll = random()
    const authenticated = random() < 0.4
    if (roll < 0.6) {
      probes.push({ method: 'GET', path: `${pick(PUBLIC_PATHS)}?${query(random)}`, authenticated })
    } else if (roll < 0.85) {
      probes.push({
        method: 'POST',
        path: pick(WRITE_TARGETS),
        headers: {
          'Content-Type': pick([
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
          ]),
        },
        body: junkBody(random),
        authenticated,
      })
    } else {
      // Updates only ever target documents that cannot exist, so the fuzz changes no content.
      probes.push({
        method: 'PATCH',
        path: `${pick(WRITE_TARGETS.slice(0, 7))}/${pick(['999999', 'abc', '%E4%B8', '-1', '1.5'])}`,
        headers: { 'Content-Type': 'application/json' },
        body: junkBody(random),
        authenticated,
      })
    }
  }
  return probes.slice(0, Math.max(count, NASTY_PATHS.length))
}

/** What in a response body would reveal the server's internals, or null if nothing does. */
export function leaksInternals(body: string): string | null {
  const patterns: [string, RegExp][] = [
    ['stack trace', /\n\s+at [^\n]+:\d+:\d+/],
    ['stack trace', /"stack"\s*:/],
    ['file path', /\/(work|tmp|home|root|usr\/src|app)\/[\w.-]+\//],
    ['file path', /node_modules\//],
    ['source file', /\b[\w-]+\.(tsx?|mjs):\d+/],
    ['SQL', /SQLITE_|drizzle|select .* from "/i],
  ]
  for (const [what, pattern] of patterns) if (pattern.test(body)) return what
  return null
}
