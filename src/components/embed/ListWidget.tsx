import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { cardTags, scopeTags } from '@/data/cacheTags'
import { listEmbedCards } from '@/data/embed'
import { getSiteSettings } from '@/data/site'
import type { EmbedListScope } from '@/lib/embed/options'

import { WidgetList, WidgetShell } from './Widget'

/** A list widget for a scope, optionally filtered (filters only in the live, dynamic variant). */
export async function ListWidget({
  scope,
  params,
}: {
  scope: EmbedListScope
  params?: Record<string, string | string[] | undefined>
}) {
  const [list, site] = await Promise.all([listEmbedCards(scope, params), getSiteSettings()])
  if (!list) notFound()
  return (
    <WidgetShell
      title={list.title}
      siteName={site.name}
      portalPath={list.portalPath}
      more="在门户查看全部"
    >
      <CacheTags tags={[...scopeTags(scope), ...cardTags(list.cards)]} />
      <WidgetList cards={list.cards} emptyText="暂时没有符合条件的资源。" />
    </WidgetShell>
  )
}
