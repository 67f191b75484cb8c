import Link from 'next/link'

import { ResourceGrid } from '@/components/ResourceCard'
import { countByKind, listLatest } from '@/data/resources'
import { getSiteSettings } from '@/data/site'
import { KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false

export default async function HomePage() {
  const [site, counts, latest] = await Promise.all([
    getSiteSettings(),
    countByKind(),
    Promise.all(RESOURCE_KINDS.map(async (kind) => [kind, await listLatest(kind, 4)] as const)),
  ])
  return (
    <>
      <section className="hero">
        <h1>{site.name}</h1>
        <p>{site.tagline}</p>
      </section>
      <ul className="figures" aria-label="资源总数">
        {RESOURCE_KINDS.map((kind) => (
          <li key={kind} className="figure">
            <Link href={`/${kind}`}>
              <span className="figure-value">{counts[kind]}</span>
              <span className="figure-label">{KIND_LABELS[kind].name}</span>
            </Link>
          </li>
        ))}
      </ul>
      {latest.map(([kind, cards]) => (
        <section key={kind} className="section" aria-labelledby={`latest-${kind}`}>
          <div className="section-head">
            <h2 id={`latest-${kind}`}>最新{KIND_LABELS[kind].name}</h2>
            <Link href={`/${kind}`}>查看全部 ›</Link>
          </div>
          <ResourceGrid cards={cards} />
        </section>
      ))}
    </>
  )
}
