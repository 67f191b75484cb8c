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
    title: 'card-title',
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
    title: undefined,
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
  headingLevel,
}: {
  card: Card
  variant?: keyof typeof VARIANTS
  /** The title's heading level where the variant's would skip one (a card right under the h1). */
  headingLevel?: 2 | 3
  /** The picture's `sizes`, when the card is wider than usual. */
  imageSizes?: string
  linkProps?: Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'target' | 'rel'>
}) {
  const look = VARIANTS[variant]
  const Heading = headingLevel ? (`h${headingLevel}` as const) : look.Heading
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
        <Heading className={look.title}>
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

/** Cards in a grid; `headingLevel` 2 where the grid sits right under the page's h1. */
export function ResourceGrid({ cards, headingLevel }: { cards: Card[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="cards">
      {cards.map((card) => (
        <li key={`${card.kind}-${card.slug}`}>
          <ResourceCard card={card} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
