import { PortalLink } from '@/components/PortalLink'
import type { LecturerCard } from '@/data/lecturers'

/** A lecturer or team in the list (right under the page's h1): name, kind, where, which dialects, a line of their bio. */
export function LecturerCardView({ card }: { card: LecturerCard }) {
  return (
    <article className="card">
      <div className="card-body">
        <span className="kind-label">{card.kind}</span>
        <h2 className="card-title">
          <PortalLink href={`/lecturers/${card.slug}`}>{card.name}</PortalLink>
        </h2>
        <p className="card-summary">{card.bio}</p>
        <ul className="facts">
          {card.org ? <li>{card.org.name}</li> : null}
          {card.dialects.length > 0 ? <li>{card.dialects.join('、')}</li> : null}
        </ul>
      </div>
    </article>
  )
}
