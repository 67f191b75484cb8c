import { TAGS } from '@/data/cacheTags'
import { withCacheTags } from '@/data/declareTags'
import { getVideoSubtitles, listPublishedSlugs } from '@/data/resources'

export const revalidate = false

export async function generateStaticParams() {
  return (await listPublishedSlugs('videos')).map((slug) => ({ slug }))
}

/** The Mandarin WebVTT track of a published video. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeURIComponent((await params).slug)
  const tags = [TAGS.resource('videos', slug)]
  const subtitles = await getVideoSubtitles(slug)
  if (!subtitles) return withCacheTags(new Response('未找到字幕', { status: 404 }), tags)
  return withCacheTags(
    new Response(subtitles, { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } }),
    tags,
  )
}
