import { PortalLink } from '../PortalLink'

import type { ResourcePage } from '@/data/types'
import { KIND_LABELS, RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { listQueryString } from '@/lib/listQuery'

import { ResourceGrid } from '../ResourceCard'

/** A topic's or an org's resources, one section per kind, each linking to the filtered list. */
export function KindSections({
  results,
  filter,
}: {
  results: Record<ResourceKind, ResourcePage>
  filter: { topic: string } | { org: string }
}) {
  const kinds = RESOURCE_KINDS.filter((kind) => results[kind].total > 0)
  if (kinds.length === 0) return <p className="empty">这里还没有公开的资源。</p>
  return (
    <>
      {kinds.map((kind) => (
        <section key={kind} className="section" aria-labelledby={`section-${kind}`}>
          <div className="section-head">
            <h2 id={`section-${kind}`}>
              {KIND_LABELS[kind].name}
              <span className="count">（{results[kind].total}）</span>
            </h2>
            {results[kind].total > results[kind].cards.length ? (
              <PortalLink href={`/${kind}${listQueryString(filter)}`} data-export="omit">
                查看全部 ›
              </PortalLink>
            ) : null}
          </div>
          <ResourceGrid cards={results[kind].cards} />
        </section>
      ))}
    </>
  )
}
