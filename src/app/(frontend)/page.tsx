import { PortalLink } from '@/components/PortalLink'
import { SiteSearch } from '@/components/SiteSearch'

import { CacheTags } from '@/components/CacheTags'
import { ResourceGrid } from '@/components/ResourceCard'
import { ALL_LISTS, cardTags, TAGS } from '@/data/cacheTags'
import { countyFigures, listLatest } from '@/data/resources'
import { getSiteSettings } from '@/data/site'
import { listOrgs, listTopics } from '@/data/taxonomy'
import { KIND_LABELS, RESOURCE_KINDS } from '@/lib/kinds'

export const revalidate = false

export default async function HomePage() {
  const [site, figures, topics, orgs, latest] = await Promise.all([
    getSiteSettings(),
    countyFigures(),
    listTopics(),
    listOrgs(),
    Promise.all(RESOURCE_KINDS.map(async (kind) => [kind, await listLatest(kind, 4)] as const)),
  ])
  const fiveWorks = topics.filter((topic) => topic.parent === null)
  const townshipIds = new Map(orgs.map((org) => [org.slug, org.id]))
  return (
    <>
      {/* Figures count every kind (people served sums every case's outcomes), cards show edits. */}
      <CacheTags
        tags={[
          ...ALL_LISTS,
          TAGS.anyChange('cases'),
          ...cardTags(latest.flatMap(([, cards]) => cards)),
        ]}
      />
      <section className="hero">
        <h1>{site.name}</h1>
        <p>{site.tagline}</p>
        <SiteSearch variant="hero" />
      </section>
      <ul className="figures" aria-label="资源总数">
        {RESOURCE_KINDS.map((kind) => (
          <li key={kind} className="figure">
            <PortalLink href={`/${kind}`}>
              <span className="figure-value">{figures.byKind[kind]}</span>
              <span className="figure-label">{KIND_LABELS[kind].name}</span>
            </PortalLink>
          </li>
        ))}
        <li className="figure figure-wide">
          <PortalLink href="/cases">
            <span className="figure-value">{figures.peopleServed.toLocaleString('zh-CN')}</span>
            <span className="figure-label">品牌项目服务群众（人次）</span>
          </PortalLink>
        </li>
      </ul>
      <section className="section" aria-labelledby="by-topic">
        <div className="section-head">
          <h2 id="by-topic">按“五项工作”找资源</h2>
          <PortalLink href="/topics">全部主题 ›</PortalLink>
        </div>
        <ul className="entry-grid">
          {fiveWorks.map((topic) => (
            <li key={topic.slug}>
              <PortalLink href={`/topics/${topic.slug}`}>
                <strong>{topic.name}</strong>
                <span>{topic.description}</span>
              </PortalLink>
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="by-place">
        <div className="section-head">
          <h2 id="by-place">按乡镇找资源</h2>
          <PortalLink href="/orgs">全部组织 ›</PortalLink>
        </div>
        <ul className="entry-grid">
          {figures.byTownship.map((township) => (
            <li key={township.slug}>
              <PortalLink href={`/orgs/${township.slug}`}>
                <strong>{township.name}</strong>
                <span>{township.count} 项资源</span>
              </PortalLink>
              <ul className="chips">
                {orgs
                  .filter((org) => org.parent === townshipIds.get(township.slug))
                  .map((village) => (
                    <li key={village.slug}>
                      <PortalLink href={`/orgs/${village.slug}`}>{village.name}</PortalLink>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {latest.map(([kind, cards]) => (
        <section key={kind} className="section" aria-labelledby={`latest-${kind}`}>
          <div className="section-head">
            <h2 id={`latest-${kind}`}>最新{KIND_LABELS[kind].name}</h2>
            <PortalLink href={`/${kind}`}>查看全部 ›</PortalLink>
          </div>
          <ResourceGrid cards={cards} />
        </section>
      ))}
    </>
  )
}
