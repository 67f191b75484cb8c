import { getVideoSubtitles, listPublishedSlugs } from '@/data/resources'

export const revalidate = false

export async function generateStaticParams() {
  return (await listPublishedSlugs('videos')).map((slug) => ({ slug }))
}

/** The Mandarin WebVTT track of a published video. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const subtitles = await getVideoSubtitles(decodeURIComponent((await params).slug))
  if (!subtitles) return new Response('未找到字幕', { status: 404 })
  return new Response(subtitles, { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } })
}
