import type { ReactNode } from 'react'

import { PortalLink } from '@/components/PortalLink'
import { ResourceCard } from '@/components/ResourceCard'
import { VideoPlayer } from '@/components/VideoPlayer'
import type { EmbedResource } from '@/data/embed'
import type { ResourceCard as ResourceCardData } from '@/data/types'
import { EMBED_DEFAULT_COUNT } from '@/lib/embed/options'
import { WIDGET_JS } from '@/lib/embed/scripts'

/** Links out of a widget open the portal in a new tab, never inside the host's frame. */
const OUT = { target: '_blank', rel: 'noopener' } as const

/** The widget's frame: heading, content, "more" link and the height/options script. */
export function WidgetShell({
  title,
  siteName,
  portalPath,
  more,
  order,
  single = false,
  children,
}: {
  title: string
  siteName: string
  portalPath: string
  more?: string
  /** 点单 for a single resource: the portal's order form with it filled in (a new tab). */
  order?: { href: string; label: string }
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
        {more || order ? (
          <div className="embed-links">
            {order ? (
              <PortalLink
                className="embed-order"
                href={order.href}
                data-testid="embed-order"
                {...OUT}
              >
                {order.label}
              </PortalLink>
            ) : null}
            {more ? (
              <PortalLink className="embed-more" href={portalPath} {...OUT}>
                {more} ›
              </PortalLink>
            ) : null}
          </div>
        ) : null}
      </div>
      <script data-export="keep" dangerouslySetInnerHTML={{ __html: WIDGET_JS }} />
    </>
  )
}

/** One resource as a compact card: the portal's card in its widget look. */
export function WidgetCard({ card, large = false }: { card: ResourceCardData; large?: boolean }) {
  return (
    <ResourceCard
      card={card}
      variant="widget"
      imageSizes={large ? '(max-width: 600px) 100vw, 600px' : undefined}
      linkProps={OUT}
    />
  )
}

/** A list of cards; items past the default count start hidden (the script shows `count`). */
export function WidgetList({ cards, emptyText }: { cards: ResourceCardData[]; emptyText: string }) {
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

/** A video widget: the video page's player with its Mandarin subtitles, then the video's card. */
export function WidgetVideo({ resource }: { resource: EmbedResource }) {
  const { card, video } = resource
  if (!video?.url) return <WidgetCard card={card} large />
  return (
    <>
      <VideoPlayer
        className="embed-player"
        src={video.url}
        type={video.type}
        poster={video.poster?.src}
        subtitlesUrl={video.subtitlesUrl}
        fallback="你的浏览器不能播放这段视频。"
      />
      {/* The player shows the poster: the card goes without its picture. */}
      <WidgetCard card={{ ...card, cover: null }} />
    </>
  )
}
