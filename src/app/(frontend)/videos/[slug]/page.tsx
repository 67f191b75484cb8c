import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { documentTags, TAGS } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'

import { JsonLd } from '@/components/JsonLd'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DetailMeta } from '@/components/DetailMeta'
import { ResourceOrderPanel } from '@/components/orders/ResourceOrderPanel'
import { RelatedList } from '@/components/RelatedList'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import { VideoPlayer } from '@/components/VideoPlayer'
import { getVideo, listPublishedSlugs } from '@/data/resources'
import { formatDate, formatDuration } from '@/lib/format'
import { oembedJsonPath } from '@/lib/embed/oembed'
import { resourceWidgetPath } from '@/lib/embed/options'
import { resourcePath } from '@/lib/kinds'
import { resourceJsonLd, shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listPublishedSlugs('videos')).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const video = await getVideo(decodeURIComponent((await params).slug))
  if (!video) return {}
  return shareMetadata({
    title: video.title,
    description: video.summary,
    path: `/videos/${video.slug}`,
    oembed: { kind: 'videos', slug: video.slug },
    image: video.cover,
    type: 'video.other',
  })
}

export default async function VideoPage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  // Tagged before the lookup: the 404 this URL answers while nothing is published there too.
  declareTags([TAGS.resource('videos', slug)])
  const video = await getVideo(slug)
  if (!video) notFound()
  return (
    <article className="detail">
      <CacheTags tags={[TAGS.resource('videos', video.slug), ...documentTags(video.relatedIds)]} />
      <Breadcrumbs kind="videos" />
      <JsonLd
        data={resourceJsonLd({
          kind: 'videos',
          slug: video.slug,
          title: video.title,
          summary: video.summary,
          image: video.cover,
          publishedAt: video.publishedAt,
          updatedAt: video.updatedAt,
          orgName: video.org?.name,
          durationSeconds: video.durationSeconds,
          contentUrl: video.videoUrl,
        })}
      />
      <span className="kind-label">方言短视频</span>
      <h1>{video.title}</h1>
      {video.videoUrl ? (
        <VideoPlayer
          className="video-player"
          src={video.videoUrl}
          type={video.videoType}
          poster={video.poster?.src}
          subtitlesUrl={video.subtitlesUrl}
          fallback="你的浏览器不能播放这段视频，请阅读下方文字稿。"
        />
      ) : video.poster ? (
        <div className="video-placeholder">
          <ResponsiveImage image={video.poster} sizes="(max-width: 700px) 100vw, 680px" priority />
          <p>视频文件整理中，可先阅读下方文字稿。</p>
        </div>
      ) : null}
      <p className="lead">{video.summary}</p>
      <DetailMeta
        items={[
          ['方言', video.dialect],
          ['时长', formatDuration(video.durationSeconds)],
          ['来源', video.org?.name ?? ''],
          ['发布', formatDate(video.publishedAt)],
        ]}
      />
      <ResourceOrderPanel kind="videos" slug={video.slug} />
      {video.description ? <p>{video.description}</p> : null}
      {video.transcript ? (
        <section aria-labelledby="transcript">
          <h2 id="transcript">文字稿（普通话）</h2>
          <div className="transcript">{video.transcript}</div>
          {video.subtitlesUrl ? (
            <p>
              <a href={video.subtitlesUrl} download={`${video.title}.vtt`}>
                下载字幕文件（WebVTT）
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
      <RelatedList items={video.related} />
      <EmbedPanel
        widgetPath={resourceWidgetPath('videos', video.slug)}
        title={video.title}
        oembedFor={resourcePath('videos', video.slug)}
        oembedJson={oembedJsonPath('videos', video.slug)}
      />
    </article>
  )
}
