import type { Payload, Where } from 'payload'

import { type DocId, idOf } from '@/lib/ids'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { lexicalToPlainText } from '@/lib/richText'
import { SearchIndex } from '@/lib/search/engine'
import { cachedIndex, type LiveIndexSource } from '@/lib/search/liveCache'
import { matchPeople, type PersonEntry, personEntry } from '@/lib/search/people'
import { pinyinTerms } from '@/lib/search/pinyin'
import {
  type SearchDoc,
  searchDocKey,
  type SearchDocsPage,
  type SearchFilters,
  type SearchResult,
} from '@/lib/search/types'
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

type SearchEntry = { id: string; updatedAt: string; doc: SearchDoc }

type Trees = { orgs: Tree; topics: Tree }

async function trees(): Promise<Trees> {
  const [orgs, topics] = await Promise.all([listOrgs().then(tree), listTopics().then(tree)])
  return { orgs, topics }
}

/** A published resource as search matches it. */
function searchEntryOf(
  kind: ResourceKind,
  doc: Script | Video | Textbook | Case,
  { orgs, topics }: Trees,
): SearchEntry {
  const orgId = idOf(doc.org)
  const topicIds = (doc.topics ?? []).map(idOf)
  const org = orgId !== null ? orgs.byId.get(orgId) : undefined
  const script = kind === 'scripts' ? (doc as Script) : null
  return {
    id: String(doc.id),
    updatedAt: doc.updatedAt,
    doc: {
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
    },
  }
}

/**
 * Every published resource as a search document, or only those `only` selects (a filter by kind;
 * kinds it leaves out are skipped). Reads with access control on, as the public.
 */
async function loadSearchEntries(
  payload: Payload,
  only?: Partial<Record<ResourceKind, Where>>,
): Promise<SearchEntry[]> {
  const named = await trees()
  const entries: SearchEntry[] = []
  for (const kind of RESOURCE_KINDS) {
    const extra = only?.[kind]
    if (only && !extra) continue
    const { docs: found } = await payload.find({
      collection: kind,
      where: publicWhere(extra),
      pagination: false,
      limit: 0,
      depth: 0,
      ...PUBLIC_READ,
    })
    for (const doc of found as (Script | Video | Textbook | Case)[]) {
      entries.push(searchEntryOf(kind, doc, named))
    }
  }
  return entries
}

/**
 * Up to `limit` published resources of one kind as search documents, in id order after the id
 * `after` (from the first when null). Paged by id rather than by page number, so a resource
 * published or withdrawn between two pages neither hides nor repeats another one.
 */
export async function loadSearchDocsPage(
  payload: Payload,
  kind: ResourceKind,
  after: string | null,
  limit: number,
): Promise<SearchDocsPage> {
  const named = await trees()
  const cursor = after === null ? null : payload.db.defaultIDType === 'number' ? Number(after) : after
  const { docs: found } = await payload.find({
    collection: kind,
    where: publicWhere(cursor === null ? undefined : { id: { greater_than: cursor } }),
    sort: 'id',
    pagination: false,
    limit,
    depth: 0,
    ...PUBLIC_READ,
  })
  const docs = found as (Script | Video | Textbook | Case)[]
  return {
    docs: docs.map((doc) => searchEntryOf(kind, doc, named).doc),
    next: docs.length === limit ? String(docs[docs.length - 1].id) : null,
  }
}

/** Every published resource as a search document, or only those of `only` (slugs by kind). */
export async function loadSearchDocs(
  payload: Payload,
  only?: Partial<Record<ResourceKind, string[]>>,
): Promise<SearchDoc[]> {
  const where =
    only &&
    Object.fromEntries(
      RESOURCE_KINDS.flatMap((kind) => {
        const slugs = only[kind]
        return slugs?.length ? [[kind, { slug: { in: slugs } } satisfies Where]] : []
      }),
    )
  return (await loadSearchEntries(payload, where)).map((entry) => entry.doc)
}

/** Searches published resources for the portal. */
export async function searchResources(
  query: string,
  filters: SearchFilters,
  page = 1,
  perPage = 20,
): Promise<SearchResult> {
  const index = await cachedIndex(liveSource(await payloadClient()))
  return index.search(query, filters, { limit: perPage, offset: (page - 1) * perPage })
}

// The live index and how it is kept up to date (src/lib/search/liveCache.ts decides when).

/** Per kind: the newest change the index has read, and each document it holds by id. */
type LiveState = {
  kinds: Record<ResourceKind, KindState>
  taxonomy: string
}
type KindState = { watermark: string; docs: Map<string, { slug: string; updatedAt: string }> }

/** What the fingerprint says: per kind the published count and newest change; the taxonomy's. */
type Fingerprint = { kinds: Record<ResourceKind, [count: number, latest: string]>; taxonomy: string }

/**
 * Changes are read back this far before the newest one the index has seen: a transaction that
 * began earlier may commit later, with an older `updatedAt`. (Longer ones are caught by the
 * thorough check, see liveCache.ts.)
 */
const OVERLAP_MS = 10_000
/** More changed documents than this at once (an import) and a rebuild is as quick. */
const MAX_REFRESH = 1_000

async function newestOf(
  payload: Payload,
  collection: ResourceKind | 'orgs' | 'topics',
  publicOnly: boolean,
) {
  const { docs, totalDocs } = await payload.find({
    collection,
    where: publicOnly ? publicWhere() : undefined,
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    select: { updatedAt: true },
    ...(publicOnly ? PUBLIC_READ : { overrideAccess: true }),
  })
  return [totalDocs, docs[0]?.updatedAt ?? ''] as [number, string]
}

/** How many resources of each kind are published and when the newest change was: cheap to read. */
async function readFingerprint(payload: Payload): Promise<Fingerprint> {
  const [kinds, orgs, topics] = await Promise.all([
    Promise.all(RESOURCE_KINDS.map((kind) => newestOf(payload, kind, true))),
    newestOf(payload, 'orgs', false),
    newestOf(payload, 'topics', false),
  ])
  return {
    kinds: Object.fromEntries(
      RESOURCE_KINDS.map((kind, n) => [kind, kinds[n]]),
    ) as Fingerprint['kinds'],
    taxonomy: [...orgs, ...topics].join(':'),
  }
}

/**
 * Brings one kind up to date, adding to `changes`: every document changed since the watermark
 * (withdrawn ones too) leaves the index and comes back if it is public. Documents deleted
 * outright leave no row to find by date: when the count disagrees, and on a thorough refresh,
 * every public id and change time is compared with what the index holds. Null: too many changes.
 */
async function refreshKind(
  payload: Payload,
  kind: ResourceKind,
  known: KindState,
  publicCount: number,
  thorough: boolean,
  changes: { remove: string[]; upsert: SearchDoc[]; reread: number },
): Promise<KindState | null> {
  const docs = new Map(known.docs)
  let watermark = known.watermark
  const reload = async (ids: string[]) => {
    if (ids.length > MAX_REFRESH) return false
    changes.reread += ids.length
    for (const id of ids) {
      const held = docs.get(id)
      if (held) changes.remove.push(searchDocKey({ kind, slug: held.slug }))
      docs.delete(id)
    }
    if (ids.length === 0) return true
    const where = { id: { in: ids } }
    for (const entry of await loadSearchEntries(payload, { [kind]: where })) {
      changes.upsert.push(entry.doc)
      docs.set(entry.id, { slug: entry.doc.slug, updatedAt: entry.updatedAt })
      if (entry.updatedAt > watermark) watermark = entry.updatedAt
    }
    return true
  }

  if (!thorough) {
    const after = new Date(Math.max(0, Date.parse(watermark || '1970-01-01') - OVERLAP_MS))
    const since = { updatedAt: { greater_than_equal: after.toISOString() } }
    // Ids and change times straight from the database (no hooks: a bulk import puts hundreds of
    // documents in the window); what is reloaded is read as the public reads it.
    const changedSince = async (where: Where) =>
      (
        await payload.db.find<{ id: DocId; updatedAt: string }>({
          collection: kind,
          where,
          select: { updatedAt: true },
          pagination: false,
          limit: 0,
        })
      ).docs
    // Every document changed lately (a withdrawn one is no longer public), and the public ones.
    const [touched, touchedPublic] = await Promise.all([
      changedSince(since),
      changedSince(publicWhere(since)),
    ])
    // Only what changed since the index read it: the look-back also brings documents it holds as
    // they are (after a bulk import, hundreds), and drafts it need not hold.
    const changed = new Set<string>()
    for (const doc of touched) {
      const held = docs.get(String(doc.id))
      if (held && held.updatedAt !== doc.updatedAt) changed.add(String(doc.id))
      if (doc.updatedAt > watermark) watermark = doc.updatedAt
    }
    for (const doc of touchedPublic) {
      if (docs.get(String(doc.id))?.updatedAt !== doc.updatedAt) changed.add(String(doc.id))
    }
    if (!(await reload([...changed]))) return null
  }
  if (thorough || docs.size !== publicCount) {
    const { docs: published } = await payload.find({
      collection: kind,
      where: publicWhere(),
      select: { updatedAt: true },
      pagination: false,
      limit: 0,
      depth: 0,
      ...PUBLIC_READ,
    })
    const listed = new Map(published.map((doc) => [String(doc.id), doc.updatedAt]))
    for (const [id, held] of docs) {
      if (listed.has(id)) continue
      changes.remove.push(searchDocKey({ kind, slug: held.slug }))
      docs.delete(id)
    }
    const drifted = [...listed].flatMap(([id, updatedAt]) =>
      docs.get(id)?.updatedAt === updatedAt ? [] : [id],
    )
    if (!(await reload(drifted))) return null
  }
  return { watermark, docs }
}

/** The live index's source: a full build, or the documents changed since (see liveCache.ts). */
function liveSource(payload: Payload): LiveIndexSource<LiveState> {
  return {
    fingerprint: async () => JSON.stringify(await readFingerprint(payload)),
    build: async (now) => {
      const { taxonomy } = JSON.parse(now) as Fingerprint
      const entries = await loadSearchEntries(payload)
      const kinds = Object.fromEntries(
        RESOURCE_KINDS.map((kind): [ResourceKind, KindState] => [
          kind,
          { watermark: '', docs: new Map() },
        ]),
      ) as LiveState['kinds']
      for (const { id, updatedAt, doc } of entries) {
        const known = kinds[doc.kind]
        known.docs.set(id, { slug: doc.slug, updatedAt })
        if (updatedAt > known.watermark) known.watermark = updatedAt
      }
      return {
        index: new SearchIndex(entries.map((entry) => entry.doc)),
        state: { kinds, taxonomy },
      }
    },
    refresh: async (current, now, thorough) => {
      const fingerprint = JSON.parse(now) as Fingerprint
      // Org and topic names are in every document's text and facets: rebuild.
      if (fingerprint.taxonomy !== current.state.taxonomy) return null
      const changes = { remove: [] as string[], upsert: [] as SearchDoc[], reread: 0 }
      const kinds = {} as LiveState['kinds']
      for (const kind of RESOURCE_KINDS) {
        const [count] = fingerprint.kinds[kind]
        const known = current.state.kinds[kind]
        const refreshed = await refreshKind(payload, kind, known, count, thorough, changes)
        if (!refreshed) return null
        kinds[kind] = refreshed
      }
      const unchanged = changes.remove.length === 0 && changes.upsert.length === 0
      return {
        index: unchanged ? current.index : current.index.withChanges(changes),
        state: { kinds, taxonomy: current.state.taxonomy },
        reread: changes.reread,
      }
    },
  }
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
