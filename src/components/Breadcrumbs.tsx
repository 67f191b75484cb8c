import Link from 'next/link'

import { KIND_LABELS, type ResourceKind } from '@/lib/kinds'

export function Breadcrumbs({ kind }: { kind: ResourceKind }) {
  return (
    <nav className="breadcrumbs" aria-label="当前位置">
      <Link href="/">首页</Link> › <Link href={`/${kind}`}>{KIND_LABELS[kind].name}</Link>
    </nav>
  )
}
