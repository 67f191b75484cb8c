import type { Endpoint } from 'payload'

import {
  loadSearchDocs,
  loadSearchDocsPage,
  loadSearchPeople,
  searchPeople,
  searchResources,
} from '@/data/search'
import { isResourceKind, RESOURCE_KINDS, type ResourceKind } from '@/lib/kinds'
import { MAX_SEARCH_DOCUMENT_KEYS, parseDocumentKeys } from '@/lib/search/documentKeys'
import { parseSearchParams } from '@/lib/search/params'
import { personHit } from '@/lib/search/people'

/**
 * GET /api/search?q=…&kind=…&topic=…: the live portal's search, over published content only;
 * `people` are the published lecturer and team profiles matching the query (without filters).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { query, filters, page } = parseSearchParams(url.searchParams)
    const [result, people] = await Promise.all([
      searchResources(query, filters, page),
      Object.keys(filters).length === 0 && page === 1 ? searchPeople(query) : [],
    ])
    return Response.json(
      {
        ...result,
        page,
        people: people.map(personHit),
      },
      {
        headers: {
          'Cache-Control': 'public, max-age=60',
          'Access-Control-Allow-Origin': '*',
        },
      },
    )
  },
}

/** The most documents one page of GET /api/search/documents?kind=… holds. */
export const MAX_SEARCH_DOCUMENTS_PAGE = 1000

const badRequest = (message: string) => Response.json({ errors: [{ message }] }, { status: 400 })

/**
 * GET /api/search/documents: every published resource as a search document, for the static
 * publisher to build its index from; `?keys=scripts/a,videos/b` only those (the ones a change
 * touched; a key that is not published is left out). `?kind=scripts&limit=500&after=<id>` gives
 * one page of a kind in id order, as `{ docs, next }` (next: the `after` of the following page,
 * null at the end), so that a full build never holds every document at once. Public content only,
 * read with access control on.
 */
export const searchDocumentsEndpoint: Endpoint = {
  path: '/search/documents',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const kind = url.searchParams.get('kind')
    if (kind !== null) {
      if (!isResourceKind(kind)) {
        return badRequest(`kind 参数无效：应为 ${RESOURCE_KINDS.join('、')} 之一`)
      }
      const limitParam = url.searchParams.get('limit') ?? '500'
      const limit = Number(limitParam)
      if (!/^\d+$/.test(limitParam) || limit < 1 || limit > MAX_SEARCH_DOCUMENTS_PAGE) {
        return badRequest(`limit 参数无效：应为 1 到 ${MAX_SEARCH_DOCUMENTS_PAGE} 之间的整数`)
      }
      const after = url.searchParams.get('after')
      const idPattern = req.payload.db.defaultIDType === 'number' ? /^\d{1,15}$/ : /^[0-9a-f]{24}$/i
      if (after !== null && !idPattern.test(after)) {
        return badRequest('after 参数无效：应为上一页返回的 next')
      }
      return Response.json(await loadSearchDocsPage(req.payload, kind, after, limit), {
        headers: { 'Cache-Control': 'no-store' },
      })
    }
    const keys = url.searchParams.get('keys')
    let only: Partial<Record<ResourceKind, string[]>> | undefined
    if (keys !== null) {
      const parsed = parseDocumentKeys(keys)
      if (!parsed) {
        return badRequest(
          `keys 参数无效：应为以逗号分隔的“类型/别名”，最多 ${MAX_SEARCH_DOCUMENT_KEYS} 个`,
        )
      }
      only = parsed
    }
    return Response.json(await loadSearchDocs(req.payload, only), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}

/**
 * GET /api/search/people: every published lecturer and team profile as search matches them, for
 * the static copy's search page (a few kilobytes for a county). Public content only.
 */
export const searchPeopleEndpoint: Endpoint = {
  path: '/search/people',
  method: 'get',
  handler: async () =>
    Response.json(await loadSearchPeople(), { headers: { 'Cache-Control': 'no-store' } }),
}
