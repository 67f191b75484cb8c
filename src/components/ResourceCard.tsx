import { PortalLink } from './PortalLink'

import type { ResourceCard as Card } from '@/data/types'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'

import { ResponsiveImage } from './ResponsiveImage'

/** A resource in a list: kind label, title, summary and the facts a lecturer scans for. */
export function ResourceCard({ card }: { card: Card }) {
  return (
    <article className="card">
      {card.cover ? (
        <ResponsiveImage
          image={card.cover}
          className="card-media"
          sizes="(max-width: 600px) 100vw, (max-width: 1000px) 50vw, 360px"
        />
      ) : null}
      <div className="card-body">
        <span className="kind-label">{KIND_LABELS[card.kind].short}</span>
        <h3>
          <PortalLink href={resourcePath(card.kind, card.slug)}>{card.title}</PortalLink>
        </h3>
        <p className="card-summary">{card.summary}</p>
        <ul className="facts">
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
