import type { Metadata } from 'next'
import { PortalLink } from '@/components/PortalLink'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { EmbedPanel } from '@/components/embed/EmbedPanel'
import { TAGS } from '@/data/cacheTags'
import { KindSections } from '@/components/list/KindSections'
import { listAcrossKinds } from '@/data/resources'
import { getOrg, listOrgs } from '@/data/taxonomy'
import { labelOf, ORG_LEVELS } from '@/lib/vocabulary'
import { listWidgetPath } from '@/lib/embed/options'
import { shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listOrgs()).map((org) => ({ slug: org.slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const org = await getOrg(decodeURIComponent((await params).slug))
  if (!org) return {}
  return shareMetadata({
    title: org.name,
    description: org.description,
    path: `/orgs/${org.slug}`,
    feed: { type: 'org', slug: org.slug },
  })
}

/** A practice center, institute or station with the resources of its whole subtree. */
export default async function OrgPage({ params }: Props) {
  const org = await getOrg(decodeURIComponent((await params).slug))
  if (!org) notFound()
  const results = await listAcrossKinds({ org: org.slug })
  return (
    <>
      <CacheTags tags={[TAGS.org(org.slug)]} />
      <nav className="breadcrumbs" aria-label="当前位置">
        <PortalLink href="/">首页</PortalLink> › <PortalLink href="/orgs">组织</PortalLink>
        {org.ancestors.map((ancestor) => (
          <span key={ancestor.slug}>
            {' '}
            › <PortalLink href={`/orgs/${ancestor.slug}`}>{ancestor.name}</PortalLink>
          </span>
        ))}
      </nav>
      <section className="hero">
        <span className="kind-label">{labelOf(ORG_LEVELS, org.level)}</span>
        <h1>{org.name}</h1>
        <p>{org.description}</p>
      </section>
      {org.children.length > 0 ? (
        <ul className="chips" aria-label="下属组织">
          {org.children.map((child) => (
            <li key={child.slug}>
              <PortalLink href={`/orgs/${child.slug}`}>{child.name}</PortalLink>
            </li>
          ))}
        </ul>
      ) : null}
      <KindSections results={results} filter={{ org: org.slug }} />
      <EmbedPanel
        widgetPath={listWidgetPath({ type: 'org', slug: org.slug })}
        title={`${org.name} · 最新资源`}
      />
    </>
  )
}
