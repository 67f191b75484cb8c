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
import { DetailMeta } from '@/components/DetailMeta'
import { RelatedList } from '@/components/RelatedList'
import { RichText } from '@/components/RichText'
import { ReadingTools } from '@/components/script/ReadingTools.client'
import { getScript, listPublishedSlugs } from '@/data/resources'
import { formatDate } from '@/lib/format'
import { resourcePath } from '@/lib/kinds'
import { qrSvg } from '@/lib/qr'
import { docxFilename } from '@/lib/scriptDocx'
import { serverUrl } from '@/lib/serverUrl'
import { oembedJsonPath } from '@/lib/embed/oembed'
import { resourceWidgetPath } from '@/lib/embed/options'
import { resourceJsonLd, shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPublishedSlugs('scripts')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const script = await getScript(decodeURIComponent((await params).slug))
  if (!script) return {}
  return shareMetadata({
    title: script.title,
    description: script.summary,
    path: `/scripts/${script.slug}`,
    oembed: { kind: 'scripts', slug: script.slug },
    image: script.cover,
    type: 'article',
  })
}

export default async function ScriptPage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  // Tagged before the lookup: the 404 this URL answers while nothing is published there too.
  declareTags([TAGS.resource('scripts', slug)])
  const script = await getScript(slug)
  if (!script) notFound()
  const path = resourcePath('scripts', script.slug)
  const qr = await qrSvg(`${serverUrl()}${path}`)
  return (
    <article className="detail script">
      <CacheTags
        tags={[TAGS.resource('scripts', script.slug), ...documentTags(script.relatedIds)]}
      />
      <Breadcrumbs kind="scripts" />
      <JsonLd
        data={resourceJsonLd({
          kind: 'scripts',
          slug: script.slug,
          title: script.title,
          summary: script.summary,
          image: script.cover,
          publishedAt: script.publishedAt,
          updatedAt: script.updatedAt,
          orgName: script.org?.name,
        })}
      />
      <span className="kind-label">宣讲稿</span>
      <h1>{script.title}</h1>
      <p className="lead">{script.summary}</p>
      <DetailMeta
        items={[
          ['宣讲形式', script.format],
          ['建议时长', `${script.durationMinutes} 分钟`],
          ['讲述约', `${script.speakingMinutes} 分钟`],
          ['字数', script.wordCount],
          ['适合对象', script.audience.join('、')],
          ['宣讲语言', script.dialect],
          ['来源', script.org?.name ?? ''],
          ['发布', formatDate(script.publishedAt)],
        ]}
      />
      <ResourceOrderPanel kind="scripts" slug={script.slug} />
      <div className="reading-tools no-print">
        <ReadingTools />
        <a
          className="tool-button tool-secondary"
          href={`${path}/script.docx`}
          download={docxFilename(script.title)}
          data-offline-file=""
        >
          下载 Word
        </a>
        <OfflineSave kind="scripts" title={script.title} />
      </div>
      {script.keyPoints.length > 0 ? (
        <section aria-labelledby="key-points">
          <h2 id="key-points">宣讲要点</h2>
          <ol className="key-points">
            {script.keyPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="script-body">
        <h2 id="script-body">宣讲正文</h2>
        <RichText data={script.body} />
      </section>
      <figure className="share-qr no-print">
        <div
          className="qr"
          role="img"
          aria-label="本页二维码"
          dangerouslySetInnerHTML={{ __html: qr }}
        />
        <figcaption>手机扫码打开本篇，转发给其他宣讲员</figcaption>
      </figure>
      <RelatedList items={script.related} />
      <EmbedPanel
        widgetPath={resourceWidgetPath('scripts', script.slug)}
        title={script.title}
        oembedFor={resourcePath('scripts', script.slug)}
        oembedJson={oembedJsonPath('scripts', script.slug)}
      />
    </article>
  )
}
