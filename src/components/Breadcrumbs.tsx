import { PortalLink } from './PortalLink'

import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

export function Breadcrumbs({ kind }: { kind: ResourceKind }) {
  return (
    <nav className="breadcrumbs" aria-label="当前位置">
      <PortalLink href="/">首页</PortalLink> ›{' '}
      <PortalLink href={`/${kind}`}>{KIND_LABELS[kind].name}</PortalLink>
    </nav>
  )
}
