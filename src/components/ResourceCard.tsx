import type { AnchorHTMLAttributes } from 'react'

import type { ResourceCard as Card } from '@/data/types'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'

import { PortalLink } from './PortalLink'
import { ResponsiveImage } from './ResponsiveImage'

/** How a card looks on the portal and in a media center's widget (src/app/(embed)/embed.css). */
const VARIANTS = {
  portal: {
    article: () => 'card',
    media: 'card-media',
    body: 'card-body',
    kind: 'kind-label',
    summary: 'card-summary',
    facts: 'facts',
    sizes: '(max-width: 600px) 100vw, (max-width: 1000px) 50vw, 360px',
    Heading: 'h3',
  },
  widget: {
    article: (card: Card) => `embed-card${card.cover ? '' : ' no-image'}`,
    media: undefined,
    body: undefined,
    kind: 'embed-kind',
    summary: 'embed-summary',
    facts: 'embed-facts',
    sizes: '(max-width: 500px) 96px, 240px',
    Heading: 'h2',
  },
} as const

/**
 * A resource in a list: kind label, title, summary and the facts a lecturer scans for. In a widget
 * (`variant="widget"`) its links open the portal in a new tab, never inside the host's frame.
 */
export function ResourceCard({
  card,
  variant = 'portal',
  imageSizes,
  linkProps,
}: {
  card: Card
  variant?: keyof typeof VARIANTS
  /** The picture's `sizes`, when the card is wider than usual. */
  imageSizes?: string
  linkProps?: Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'target' | 'rel'>
}) {
  const look = VARIANTS[variant]
  const { Heading } = look
  return (
    <article className={look.article(card)}>
      {card.cover ? (
        <ResponsiveImage
          image={card.cover}
          className={look.media}
          sizes={imageSizes ?? look.sizes}
        />
      ) : null}
      <div className={look.body}>
        <span className={look.kind}>{KIND_LABELS[card.kind].short}</span>
        <Heading>
          <PortalLink href={resourcePath(card.kind, card.slug)} {...linkProps}>
            {card.title}
          </PortalLink>
        </Heading>
        <p className={look.summary}>{card.summary}</p>
        <ul className={look.facts}>
          {card.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
          {card.org ? <li>{card.org.name}</li> : null}
        </ul>
      </div>
    </article>
  )
}

export function ResourceGrid({ cards }: { cards: Card[] }) {
  return (
    <ul className="cards">
      {cards.map((card) => (
        <li key={`${card.kind}-${card.slug}`}>
          <ResourceCard card={card} />
        </li>
      ))}
    </ul>
  )
}
