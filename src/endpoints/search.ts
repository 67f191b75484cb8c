import type { Endpoint } from 'payload'

import { loadSearchDocs, loadSearchPeople, searchPeople, searchResources } from '@/data/search'
import type { ResourceKind } from '@/lib/kinds'
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

/**
 * GET /api/search/documents: every published resource as a search document, for the static
 * publisher to build its index from; `?keys=scripts/a,videos/b` only those (the ones a change
 * touched; a key that is not published is left out). Public content only, read with access
 * control on.
 */
export const searchDocumentsEndpoint: Endpoint = {
  path: '/search/documents',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const keys = url.searchParams.get('keys')
    let only: Partial<Record<ResourceKind, string[]>> | undefined
    if (keys !== null) {
      const parsed = parseDocumentKeys(keys)
      if (!parsed) {
        return Response.json(
          {
            errors: [
              {
                message: `keys 参数无效：应为以逗号分隔的“类型/别名”，最多 ${MAX_SEARCH_DOCUMENT_KEYS} 个`,
              },
            ],
          },
          { status: 400 },
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
