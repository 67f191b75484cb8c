import { withCacheTags } from '@/data/declareTags'
import { feedContent } from '@/data/feeds'
import { FEED_FORMATS, type FeedFormat, parseFeedPath, renderFeed } from '@/lib/feeds'
import { RESOURCE_KINDS } from '@/lib/kinds'
import { serverUrl } from '@/lib/serverUrl'

export const revalidate = false

/** The site-wide and per-kind feeds are prerendered; topic and org feeds render on first request. */
export function generateStaticParams() {
  const formats = Object.keys(FEED_FORMATS) as FeedFormat[]
  return [
    ...formats.map((format) => ({ path: [format] })),
    ...RESOURCE_KINDS.flatMap((kind) => formats.map((format) => ({ path: [kind, format] }))),
  ]
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of published resources, all or per kind, topic or org. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const feed = parseFeedPath((await params).path)
  const content = feed ? await feedContent(feed.scope) : null
  if (!feed || !content) {
    return new Response('没有这个订阅源', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const body = renderFeed(
    feed.format,
    { siteName: content.siteName, siteUrl: serverUrl(), title: content.title, scope: feed.scope },
    content.items,
  )
  return withCacheTags(
    new Response(body, {
      headers: { 'Content-Type': FEED_FORMATS[feed.format], 'Access-Control-Allow-Origin': '*' },
    }),
    content.tags,
  )
}
