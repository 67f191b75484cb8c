import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { WidgetCard, WidgetShell, WidgetVideo } from '@/components/embed/Widget'
import { ORDER_LABELS } from '@/components/orders/OrderButton'
import { TAGS } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'
import { getEmbedResource } from '@/data/embed'
import { decodeSegment } from '@/lib/embed/options'
import { listPublishedSlugs } from '@/data/resources'
import { getSiteSettings } from '@/data/site'
import { isResourceKind, KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false

type Props = { params: Promise<{ kind: string; slug: string }> }

export async function generateStaticParams() {
  const all = await Promise.all(
    RESOURCE_KINDS.map(async (kind) =>
      (await listPublishedSlugs(kind)).map((slug) => ({ kind, slug })),
    ),
  )
  return all.flat()
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, slug } = await params
  const decoded = decodeSegment(slug)
  if (!isResourceKind(kind) || decoded === null) return {}
  const resource = await getEmbedResource(kind, decoded)
  return resource ? { title: resource.card.title } : {}
}

/** One published resource: a card, or for a video the player with subtitles. */
export default async function ResourceWidget({ params }: Props) {
  const { kind, slug } = await params
  const decoded = decodeSegment(slug)
  if (!isResourceKind(kind) || decoded === null) notFound()
  declareTags([TAGS.resource(kind, decoded)])
  const [resource, site] = await Promise.all([getEmbedResource(kind, decoded), getSiteSettings()])
  if (!resource) notFound()
  return (
    <WidgetShell
      title={KIND_LABELS[kind].name}
      siteName={site.name}
      portalPath={`/${kind}/${encodeURIComponent(resource.card.slug)}`}
      more={kind === 'videos' ? '在门户看文字稿' : '在门户阅读全文'}
      order={
        kind === 'textbooks'
          ? undefined
          : {
              href: `/orders?resource=${kind}/${encodeURIComponent(resource.card.slug)}`,
              label: ORDER_LABELS[kind],
            }
      }
      single
    >
      <CacheTags tags={[TAGS.resource(kind, resource.card.slug)]} />
      {kind === 'videos' ? (
        <WidgetVideo resource={resource} />
      ) : (
        <WidgetCard card={resource.card} large />
      )}
    </WidgetShell>
  )
}
