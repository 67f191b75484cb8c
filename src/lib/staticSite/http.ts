import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

import { CACHE_TAGS_HEADER } from '@/data/cacheTags'

export type Fetched = {
  status: number
  contentType: string
  body: Buffer
  /** The cache tags a route handler declared (x-cache-tags), or ''. */
  cacheTags: string
}

/**
 * GET with Node's own HTTP client. Inside the app server the global `fetch` is Next's patched one
 * (with its data cache and request tracking); the publisher must see exactly what a visitor gets.
 * Redirects are followed (up to five); connection resets are retried.
 */
export async function httpGet(url: string, redirects = 5): Promise<Fetched> {
  // A busy server may reset a kept-alive connection: a GET is safe to try again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getOnce(url, redirects)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      const transient = code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNREFUSED'
      if (!transient || attempt >= 4) throw err
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
    }
  }
}

function getOnce(url: string, redirects: number): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      { method: 'GET', headers: { 'user-agent': 'practice-hub-static-publisher' } },
      (response) => {
        const status = response.statusCode ?? 0
        const location = response.headers.location
        if (status >= 300 && status < 400 && location && redirects > 0) {
          response.resume()
          httpGet(new URL(location, target).toString(), redirects - 1).then(resolve, reject)
          return
        }
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status,
            contentType: String(response.headers['content-type'] ?? ''),
            cacheTags: String(response.headers[CACHE_TAGS_HEADER] ?? ''),
            body: Buffer.concat(chunks),
          }),
        )
        response.on('error', reject)
      },
    )
    request.setTimeout(120_000, () => request.destroy(new Error(`请求超时：${url}`)))
    request.on('error', reject)
    request.end()
  })
}
