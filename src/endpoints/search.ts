import type { Endpoint } from 'payload'

import { loadSearchDocs, searchResources } from '@/data/search'
import { parseSearchParams } from '@/lib/search/params'

/** GET /api/search?q=…&kind=…&topic=…: the live portal's search, over published content only. */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { query, filters, page } = parseSearchParams(url.searchParams)
    const result = await searchResources(query, filters, page)
    return Response.json(
      { ...result, page },
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
 * exporter to build its index from. Public content only, read with access control on.
 */
export const searchDocumentsEndpoint: Endpoint = {
  path: '/search/documents',
  method: 'get',
  handler: async (req) =>
    Response.json(await loadSearchDocs(req.payload), {
      headers: { 'Cache-Control': 'no-store' },
    }),
}
