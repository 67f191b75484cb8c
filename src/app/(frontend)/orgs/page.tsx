import type { Metadata } from 'next'
import { PortalLink } from '@/components/PortalLink'

import { listOrgs } from '@/data/taxonomy'
import type { DocId, OrgNode } from '@/data/types'
import { TAGS } from '@/data/cacheTags'
import { CacheTags } from '@/components/CacheTags'

export const revalidate = false

export const metadata: Metadata = { title: '组织', alternates: { canonical: '/orgs' } }

function Branch({ orgs, parent }: { orgs: OrgNode[]; parent: DocId | null }) {
  const children = orgs.filter((org) => org.parent === parent)
  if (children.length === 0) return null
  return (
    <ul className="tree">
      {children.map((org) => (
        <li key={org.slug}>
          <PortalLink href={`/orgs/${org.slug}`}>{org.name}</PortalLink>
          <Branch orgs={orgs} parent={org.id} />
        </li>
      ))}
    </ul>
  )
}

/** The county's practice network: center, township institutes, village stations. */
export default async function OrgsPage() {
  const orgs = await listOrgs()
  return (
    <>
      <CacheTags tags={[TAGS.structure]} />
      <section className="hero">
        <h1>按地区浏览</h1>
        <p>县实践中心、乡镇实践所和村实践站</p>
      </section>
      <Branch orgs={orgs} parent={null} />
    </>
  )
}
