import { listPublishedSlugs } from '@/data/resources'
import { oembedJson } from '@/lib/embed/oembedResponse'
import { decodeSegment } from '@/lib/embed/options'
import { RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false

/** Every published resource's oEmbed JSON is prerendered and revalidated on publish. */
export async function generateStaticParams() {
  const all = await Promise.all(
    RESOURCE_KINDS.map(async (kind) =>
      (await listPublishedSlugs(kind)).map((slug) => ({ kind, file: `${slug}.json` })),
    ),
  )
  return all.flat()
}

/** `/oembed/{kind}/{slug}.json`: what `/api/oembed?url=…` answers, as a file discovery links to. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ kind: string; file: string }> },
) {
  const { kind, file } = await params
  return oembedJson(kind, decodeSegment(file) ?? '')
}
