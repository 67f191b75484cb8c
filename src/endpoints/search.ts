import type { Endpoint } from 'payload'

import { searchResources } from '@/data/search'
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
