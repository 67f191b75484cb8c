import { NextResponse, type NextRequest } from 'next/server'

/** Whether a raw (still percent-encoded) path decodes as UTF-8, without NUL characters. */
export function isDecodablePath(rawPath: string): boolean {
  if (!rawPath.includes('%')) return true
  try {
    return !decodeURIComponent(rawPath).includes('\u0000')
  } catch {
    return false
  }
}

function badRequest(message: string, json: boolean): NextResponse {
  return json
    ? NextResponse.json({ errors: [{ message }] }, { status: 400 })
    : new NextResponse(message, {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      })
}

/**
 * Two kinds of malformed request that Next.js and Payload answer with a bare 500 are refused here
 * with a Chinese 400: paths with broken percent-encoding (`/scripts/%E4%B8`), which fail while the
 * router decodes route parameters, and GraphQL posts whose body is not JSON, which Payload's
 * GraphQL route throws on outside its error handling.
 */
export async function proxy(request: NextRequest) {
  const raw = request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]
  if (!isDecodablePath(raw)) {
    return badRequest('地址无效：其中的百分号编码不是有效的 UTF-8。', raw.startsWith('/api/'))
  }
  if (raw === '/api/graphql' && request.method === 'POST') {
    try {
      JSON.parse(await request.clone().text())
    } catch {
      return badRequest('请求内容不是有效的 JSON。', true)
    }
  }
  return NextResponse.next()
}

export const config = {
  // Only requests that can be malformed this way pass through the proxy: paths with a percent
  // sign (portal slugs are ASCII) and GraphQL. Uploads never do, so their bodies stream untouched.
  matcher: ['/(.*%.*)', '/api/graphql'],
}
