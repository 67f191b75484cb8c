import { draftMode, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { payloadClient } from '@/data/payload'
import { isResourceKind, resourcePath } from '@/lib/kinds'

/**
 * GET /preview?kind=scripts&id=42 — from the admin's "预览" button: checks the admin session and
 * the user's scope, switches on draft mode for this browser and opens the real portal page.
 */
export async function GET(request: Request) {
  const url = new URL(request.url)
  const kind = url.searchParams.get('kind')
  const id = url.searchParams.get('id')
  const noStore = { 'Cache-Control': 'private, no-store' }
  if (!isResourceKind(kind) || !id || !/^[\w-]{1,64}$/.test(id)) {
    return new Response('预览参数无效', { status: 400, headers: noStore })
  }
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) return new Response('请先登录管理后台再预览', { status: 401, headers: noStore })
  const doc = await payload
    .findByID({ collection: kind, id, draft: true, depth: 0, user, overrideAccess: false })
    .catch(() => null)
  if (!doc?.slug)
    return new Response('没有找到这份草稿，或它不在你的管理范围内', {
      status: 404,
      headers: noStore,
    })
  ;(await draftMode()).enable()
  redirect(resourcePath(kind, doc.slug))
}
