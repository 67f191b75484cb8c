import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { documentTags, TAGS } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'

import { JsonLd } from '@/components/JsonLd'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { OfflineSave } from '@/components/OfflineSave'
import { DetailMeta } from '@/components/DetailMeta'
import { RelatedList } from '@/components/RelatedList'
import { RichText } from '@/components/RichText'
import { getTextbook, listPublishedSlugs } from '@/data/resources'
import { formatDate } from '@/lib/format'
import { oembedJsonPath } from '@/lib/embed/oembed'
import { resourceWidgetPath } from '@/lib/embed/options'
import { resourcePath } from '@/lib/kinds'
import { resourceJsonLd, shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPublishedSlugs('textbooks')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const textbook = await getTextbook(decodeURIComponent((await params).slug))
  if (!textbook) return {}
  return shareMetadata({
    title: textbook.title,
    description: textbook.summary,
    path: `/textbooks/${textbook.slug}`,
    oembed: { kind: 'textbooks', slug: textbook.slug },
    image: textbook.cover,
    type: 'book',
  })
}

export default async function TextbookPage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  // Tagged before the lookup: the 404 this URL answers while nothing is published there too.
  declareTags([TAGS.resource('textbooks', slug)])
  const textbook = await getTextbook(slug)
  if (!textbook) notFound()
  return (
    <article className="detail">
      <CacheTags
        tags={[TAGS.resource('textbooks', textbook.slug), ...documentTags(textbook.relatedIds)]}
      />
      <Breadcrumbs kind="textbooks" />
      <JsonLd
        data={resourceJsonLd({
          kind: 'textbooks',
          slug: textbook.slug,
          title: textbook.title,
          summary: textbook.summary,
          image: textbook.cover,
          publishedAt: textbook.publishedAt,
          updatedAt: textbook.updatedAt,
          orgName: textbook.org?.name,
        })}
      />
      <span className="kind-label">乡土教材</span>
      <h1>{textbook.title}</h1>
      <p className="lead">{textbook.summary}</p>
      <DetailMeta
        items={[
          ['章节', `${textbook.chapters.length} 章`],
          ['字数', textbook.wordCount],
          ['阅读约', `${textbook.readingMinutes} 分钟`],
          ['适合对象', textbook.audience.join('、')],
          ['编写', textbook.org?.name ?? ''],
          ['发布', formatDate(textbook.publishedAt)],
        ]}
      />
      <div className="reading-tools no-print">
        <OfflineSave kind="textbooks" title={textbook.title} />
      </div>
      {textbook.pdf ? (
        <p>
          <a
            className="button"
            href={textbook.pdf.url}
            download={textbook.pdf.filename}
            data-offline-file=""
          >
            下载 PDF（{Math.max(1, Math.round(textbook.pdf.filesize / 1024))} KB）
          </a>
        </p>
      ) : null}
      <nav className="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">目录</h2>
        <ol>
          {textbook.chapters.map((chapter) => (
            <li key={chapter.anchor}>
              <a href={`#${chapter.anchor}`}>{chapter.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {textbook.chapters.map((chapter, index) => (
        <section key={chapter.anchor} id={chapter.anchor} aria-labelledby={`${chapter.anchor}-h`}>
          <h2 id={`${chapter.anchor}-h`}>{`第${index + 1}章\u3000${chapter.title}`}</h2>
          <RichText data={chapter.body} />
        </section>
      ))}
      <RelatedList items={textbook.related} />
      <EmbedPanel
        widgetPath={resourceWidgetPath('textbooks', textbook.slug)}
        title={textbook.title}
        oembedFor={resourcePath('textbooks', textbook.slug)}
        oembedJson={oembedJsonPath('textbooks', textbook.slug)}
      />
    </article>
  )
}
