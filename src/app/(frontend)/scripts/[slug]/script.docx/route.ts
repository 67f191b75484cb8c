import { TAGS } from '@/data/cacheTags'
import { withCacheTags } from '@/data/declareTags'
import { getScript, listPublishedSlugs } from '@/data/resources'
import { resourcePath } from '@/lib/kinds'
import { lexicalToPlainText } from '@/lib/richText'
import { attachmentDisposition, buildScriptDocx, docxFilename } from '@/lib/scriptDocx'
import { serverUrl } from '@/lib/serverUrl'

export const revalidate = false

export async function generateStaticParams() {
  return (await listPublishedSlugs('scripts')).map((slug) => ({ slug }))
}

/** "下载 Word": the published script as a .docx with its Chinese title as the file name. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = decodeURIComponent((await params).slug)
  const tags = [TAGS.resource('scripts', slug)]
  const script = await getScript(slug)
  if (!script) return withCacheTags(new Response('未找到该宣讲稿', { status: 404 }), tags)
  const file = await buildScriptDocx({
    title: script.title,
    summary: script.summary,
    meta: [
      ['宣讲形式', script.format],
      ['建议时长', `${script.durationMinutes} 分钟`],
      ['讲述约', `${script.speakingMinutes} 分钟`],
      ['适合对象', script.audience.join('、')],
      ['宣讲语言', script.dialect],
      ['来源', script.org?.name ?? ''],
    ],
    keyPoints: script.keyPoints,
    body: lexicalToPlainText(script.body),
    sourceUrl: `${serverUrl()}${resourcePath('scripts', script.slug)}`,
  })
  return withCacheTags(
    new Response(new Uint8Array(file), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': attachmentDisposition(docxFilename(script.title)),
      },
    }),
    tags,
  )
}
