import type { ReactNode } from 'react'

import { PortalLink } from '@/components/PortalLink'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import type { EmbedResource } from '@/data/embed'
import type { ResourceCard } from '@/data/types'
import { EMBED_DEFAULT_COUNT } from '@/lib/embed/options'
import { WIDGET_JS } from '@/lib/embed/scripts'
import { formatDuration } from '@/lib/format'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'

/** Links out of a widget open the portal in a new tab, never inside the host's frame. */
const OUT = { target: '_blank', rel: 'noopener' } as const

/** The widget's frame: heading, content, "more" link and the height/options script. */
export function WidgetShell({
  title,
  siteName,
  portalPath,
  more,
  single = false,
  children,
}: {
  title: string
  siteName: string
  portalPath: string
  more?: string
  single?: boolean
  children: ReactNode
}) {
  return (
    <>
      <div
        className={`embed-root${single ? ' embed-single' : ''}`}
        data-embed-root=""
        data-default-count={single ? undefined : EMBED_DEFAULT_COUNT}
      >
        <header className="embed-head">
          <h1>{title}</h1>
          <PortalLink className="embed-site" href="/" {...OUT}>
            {siteName}
          </PortalLink>
        </header>
        {children}
        {more ? (
          <PortalLink className="embed-more" href={portalPath} {...OUT}>
            {more} ›
          </PortalLink>
        ) : null}
      </div>
      <script data-export="keep" dangerouslySetInnerHTML={{ __html: WIDGET_JS }} />
    </>
  )
}

/** One resource as a compact card. */
export function WidgetCard({ card, large = false }: { card: ResourceCard; large?: boolean }) {
  return (
    <article className={`embed-card${card.cover ? '' : ' no-image'}`}>
      {card.cover ? (
        <ResponsiveImage
          image={card.cover}
          sizes={large ? '(max-width: 600px) 100vw, 600px' : '(max-width: 500px) 96px, 240px'}
        />
      ) : null}
      <div>
        <span className="embed-kind">{KIND_LABELS[card.kind].short}</span>
        <h2>
          <PortalLink href={resourcePath(card.kind, card.slug)} {...OUT}>
            {card.title}
          </PortalLink>
        </h2>
        <p className="embed-summary">{card.summary}</p>
        <ul className="embed-facts">
          {card.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
          {card.org ? <li>{card.org.name}</li> : null}
        </ul>
      </div>
    </article>
  )
}

/** A list of cards; items past the default count start hidden (the script shows `count`). */
export function WidgetList({ cards, emptyText }: { cards: ResourceCard[]; emptyText: string }) {
  if (cards.length === 0) return <p className="embed-empty">{emptyText}</p>
  return (
    <ul className="embed-items">
      {cards.map((card, index) => (
        <li
          key={`${card.kind}-${card.slug}`}
          className="embed-item"
          data-embed-item=""
          hidden={index >= EMBED_DEFAULT_COUNT}
        >
          <WidgetCard card={card} />
        </li>
      ))}
    </ul>
  )
}

/** A video widget: the player with its Mandarin subtitles, then title and facts. */
export function WidgetVideo({ resource }: { resource: EmbedResource }) {
  const { card, video } = resource
  if (!video?.url) return <WidgetCard card={card} large />
  return (
    <>
      <video
        className="embed-player"
        controls
        preload="metadata"
        playsInline
        poster={video.poster?.src}
      >
        <source src={video.url} type={video.type ?? undefined} />
        {video.subtitlesUrl ? (
          <track
            kind="subtitles"
            src={video.subtitlesUrl}
            srcLang="zh-CN"
            label="普通话字幕"
            default
          />
        ) : null}
        你的浏览器不能播放这段视频。
      </video>
      <article className="embed-card no-image">
        <div>
          <span className="embed-kind">{KIND_LABELS.videos.short}</span>
          <h2>
            <PortalLink href={resourcePath('videos', card.slug)} {...OUT}>
              {card.title}
            </PortalLink>
          </h2>
          <ul className="embed-facts">
            {video.dialect ? <li>{video.dialect}</li> : null}
            <li>{formatDuration(video.durationSeconds)}</li>
            {card.org ? <li>{card.org.name}</li> : null}
          </ul>
        </div>
      </article>
    </>
  )
}
