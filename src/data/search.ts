import type { Payload } from 'payload'

import { type DocId, idOf } from '@/lib/ids'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { lexicalToPlainText } from '@/lib/richText'
import { SearchIndex } from '@/lib/search/engine'
import { cachedIndex } from '@/lib/search/liveCache'
import { matchPeople, type PersonEntry, personEntry } from '@/lib/search/people'
import { pinyinTerms } from '@/lib/search/pinyin'
import type { SearchDoc, SearchFilters, SearchResult } from '@/lib/search/types'
import { ancestorIds } from '@/lib/tree'
import type { Case, Script, Textbook, Video } from '@/payload-types'

import { listLecturers } from './lecturers'
import { payloadClient } from './payload'
import { PUBLIC_READ, publicWhere } from './public'
import { listOrgs, listTopics } from './taxonomy'

type Named = { id: DocId; slug: string; name: string; parent: DocId | null }
type Tree = { nodes: Named[]; byId: Map<DocId, Named> }

function tree(nodes: Named[]): Tree {
  return { nodes, byId: new Map(nodes.map((node) => [node.id, node])) }
}

/** A node's slug and its ancestors' slugs (for subtree facets). */
function withAncestors({ nodes, byId }: Tree, id: DocId | null): string[] {
  if (id === null || !byId.has(id)) return []
  return [id, ...ancestorIds(nodes, id)].map((nodeId) => byId.get(nodeId)?.slug ?? '').filter(Boolean)
}

function bodyText(kind: ResourceKind, doc: Script | Video | Textbook | Case): string {
  switch (kind) {
    case 'scripts':
      return lexicalToPlainText((doc as Script).body)
    case 'videos': {
      const video = doc as Video
      return [video.description, video.transcript].filter(Boolean).join('\n')
    }
    case 'textbooks':
      return ((doc as Textbook).chapters ?? [])
        .map((chapter) => `${chapter.title}\n${lexicalToPlainText(chapter.body)}`)
        .join('\n')
    case 'cases': {
      const item = doc as Case
      return [item.loop.order, item.loop.dispatch, item.loop.accept, item.loop.review, lexicalToPlainText(item.body)].join('\n')
    }
  }
}

function minutesOf(kind: ResourceKind, doc: Script | Video | Textbook | Case): number | undefined {
  if (kind === 'scripts') return (doc as Script).durationMinutes
  if (kind === 'videos') return Math.ceil(((doc as Video).durationSeconds ?? 0) / 60)
  if (kind === 'textbooks') return (doc as Textbook).readingMinutes ?? undefined
  return undefined
}

/**
 * Every published resource as a search document, or only those of `only` (slugs by kind).
 * Reads with access control on, as the public.
 */
export async function loadSearchDocs(
  payload: Payload,
  only?: Partial<Record<ResourceKind, string[]>>,
): Promise<SearchDoc[]> {
  const [orgs, topics] = await Promise.all([listOrgs().then(tree), listTopics().then(tree)])
  const docs: SearchDoc[] = []
  for (const kind of RESOURCE_KINDS) {
    const slugs = only?.[kind]
    if (only && !slugs?.length) continue
    const { docs: found } = await payload.find({
      collection: kind,
      where: slugs ? { and: [publicWhere(), { slug: { in: slugs } }] } : publicWhere(),
      pagination: false,
      limit: 0,
      depth: 0,
      ...PUBLIC_READ,
    })
    for (const doc of found as (Script | Video | Textbook | Case)[]) {
      const orgId = idOf(doc.org)
      const topicIds = (doc.topics ?? []).map(idOf)
      const org = orgId !== null ? orgs.byId.get(orgId) : undefined
      const script = kind === 'scripts' ? (doc as Script) : null
      docs.push({
        kind,
        slug: doc.slug ?? '',
        title: doc.title,
        summary: doc.summary,
        keyPoints: (script?.keyPoints ?? []).map((item) => item.point).join('\n'),
        body: bodyText(kind, doc),
        extra: [
          ...(doc.tags ?? []),
          ...topicIds.map((id) => (id !== null ? (topics.byId.get(id)?.name ?? '') : '')),
          org?.name ?? '',
        ].join(' '),
        orgName: org?.name ?? '',
        publishedAt: doc.publishedAt ?? null,
        facets: {
          topics: [...new Set(topicIds.flatMap((id) => withAncestors(topics, id)))],
          orgs: withAncestors(orgs, orgId),
          format: script?.format,
          audience: (script ?? (kind === 'textbooks' ? (doc as Textbook) : null))?.audience ?? [],
          dialect: (doc as Script | Video).dialect ?? undefined,
          minutes: minutesOf(kind, doc),
        },
      })
    }
  }
  return docs
}

/** Searches published resources for the portal. */
export async function searchResources(
  query: string,
  filters: SearchFilters,
  page = 1,
  perPage = 20,
): Promise<SearchResult> {
  const payload = await payloadClient()
  const index = await cachedIndex(
    async () => new SearchIndex(await loadSearchDocs(payload)),
    () => publishedFingerprint(payload),
  )
  return index.search(query, filters, { limit: perPage, offset: (page - 1) * perPage })
}

/** Every published lecturer and team as search sees them (the static copy ships this list). */
export async function loadSearchPeople(): Promise<PersonEntry[]> {
  return (await listLecturers()).map((card) =>
    personEntry(
      {
        slug: card.slug,
        name: card.name,
        kind: card.kind,
        team: card.team,
        orgName: card.org?.name ?? '',
        topics: card.topics.map((topic) => topic.name),
        dialects: card.dialects,
      },
      pinyinTerms,
    ),
  )
}

/** Published profiles matching a query, for the search page and the suggestions. */
export async function searchPeople(query: string): Promise<PersonEntry[]> {
  return query ? matchPeople(await loadSearchPeople(), query) : []
}

/** How many resources of each kind are published and when the newest change was: cheap to read. */
async function publishedFingerprint(payload: Awaited<ReturnType<typeof payloadClient>>): Promise<string> {
  const parts = await Promise.all(
    RESOURCE_KINDS.map(async (kind) => {
      const { docs, totalDocs } = await payload.find({
        collection: kind,
        where: publicWhere(),
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        select: { updatedAt: true },
        ...PUBLIC_READ,
      })
      return `${kind}:${totalDocs}:${docs[0]?.updatedAt ?? ''}`
    }),
  )
  return parts.join('|')
}

export type NameMaps = { topics: Record<string, string>; orgs: Record<string, string>; suggested: { slug: string; name: string }[] }

/** Names for topic and org slugs (facet labels) and the top-level topics to suggest. */
export async function searchNames(): Promise<NameMaps> {
  const [orgs, topics] = await Promise.all([listOrgs(), listTopics()])
  const names = (nodes: Named[]) => Object.fromEntries(nodes.map((node) => [node.slug, node.name]))
  return {
    topics: names(topics),
    orgs: names(orgs),
    suggested: topics.filter((node) => node.parent === null).map(({ slug, name }) => ({ slug, name })),
  }
}
