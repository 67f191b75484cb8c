import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { documentTags, TAGS } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'

import { JsonLd } from '@/components/JsonLd'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { OfflineSave } from '@/components/OfflineSave'
import { ResourceOrderPanel } from '@/components/orders/ResourceOrderPanel'
import { RelatedList } from '@/components/RelatedList'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import { RichText } from '@/components/RichText'
import { getCase, listPublishedSlugs } from '@/data/resources'
import { oembedJsonPath } from '@/lib/embed/oembed'
import { resourceWidgetPath } from '@/lib/embed/options'
import { resourcePath } from '@/lib/kinds'
import { resourceJsonLd, shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPublishedSlugs('cases')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await getCase(decodeURIComponent((await params).slug))
  if (!item) return {}
  return shareMetadata({
    title: item.title,
    description: item.summary,
    path: `/cases/${item.slug}`,
    oembed: { kind: 'cases', slug: item.slug },
    image: item.cover,
    type: 'article',
  })
}

const LOOP_STEPS = [
  ['order', '点单'],
  ['dispatch', '派单'],
  ['accept', '接单'],
  ['review', '评单'],
] as const

export default async function CasePage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  // Tagged before the lookup: the 404 this URL answers while nothing is published there too.
  declareTags([TAGS.resource('cases', slug)])
  const item = await getCase(slug)
  if (!item) notFound()
  const figures: [string, number][] = [
    ['志愿者（人）', item.outcomes.volunteers],
    ['开展活动（场）', item.outcomes.activities],
    ['服务群众（人次）', item.outcomes.peopleServed],
  ]
  return (
    <article className="detail-wide">
      <CacheTags tags={[TAGS.resource('cases', item.slug), ...documentTags(item.relatedIds)]} />
      <Breadcrumbs kind="cases" />
      <JsonLd
        data={resourceJsonLd({
          kind: 'cases',
          slug: item.slug,
          title: item.title,
          summary: item.summary,
          image: item.cover,
          publishedAt: item.publishedAt,
          updatedAt: item.updatedAt,
          orgName: item.org?.name,
        })}
      />
      <span className="kind-label">品牌项目案例</span>
      <h1>{item.title}</h1>
      <p className="lead">
        {item.summary}
        {item.org
          ? `（${item.org.name}${item.outcomes.year ? `，${item.outcomes.year} 年` : ''}）`
          : ''}
      </p>
      <ResourceOrderPanel kind="cases" slug={item.slug} />
      <div className="reading-tools no-print">
        <OfflineSave kind="cases" title={item.title} />
      </div>
      <ul className="figures" aria-label="成效数据">
        {figures.map(([label, value]) => (
          <li key={label} className="figure">
            <span className="figure-value">{value.toLocaleString('zh-CN')}</span>
            <span className="figure-label">{label}</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="loop-heading">
        <h2 id="loop-heading">服务闭环</h2>
        <ol className="steps">
          {LOOP_STEPS.map(([key, label]) => (
            <li key={key}>
              <h3>{label}</h3>
              <p>{item.loop[key]}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="case-body" className="measure">
        <h2 id="case-body">案例介绍</h2>
        <RichText data={item.body} />
      </section>
      {item.gallery.length > 0 ? (
        <section aria-labelledby="gallery-heading">
          <h2 id="gallery-heading">活动照片</h2>
          <ul className="gallery">
            {item.gallery.map((photo) => (
              <li key={photo.src}>
                <figure>
                  {/* A caption that says what the alt text says: read once, not twice. */}
                  <ResponsiveImage
                    image={photo.caption === photo.alt ? { ...photo, alt: '' } : photo}
                    sizes="(max-width: 600px) 100vw, 300px"
                  />
                  <figcaption>{photo.caption}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RelatedList items={item.related} />
      <EmbedPanel
        widgetPath={resourceWidgetPath('cases', item.slug)}
        title={item.title}
        oembedFor={resourcePath('cases', item.slug)}
        oembedJson={oembedJsonPath('cases', item.slug)}
      />
    </article>
  )
}
