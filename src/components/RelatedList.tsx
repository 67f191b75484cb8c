import { PortalLink } from './PortalLink'

import type { RelatedRef } from '@/data/types'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'

export function RelatedList({ items }: { items: RelatedRef[] }) {
  if (items.length === 0) return null
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">相关资源</h2>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}-${item.slug}`}>
            <span className="kind-label">{KIND_LABELS[item.kind].short}</span>{' '}
            <PortalLink href={resourcePath(item.kind, item.slug)}>{item.title}</PortalLink>
          </li>
        ))}
      </ul>
    </section>
  )
}
