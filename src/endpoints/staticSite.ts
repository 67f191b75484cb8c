import type { Endpoint } from 'payload'

import { staticSiteState } from '@/lib/staticSite/publisher'

/**
 * GET /api/static-site: whether static publishing is on, how many changes wait, whether one is
 * failing, how many files the site has. Signed-in users only (it names nothing unpublished, but
 * it is an operations view).
 */
export const staticSiteEndpoint: Endpoint = {
  path: '/static-site',
  method: 'get',
  handler: async (req) => {
    if (!req.user) {
      return Response.json({ errors: [{ message: '请先登录' }] }, { status: 401 })
    }
    return Response.json(await staticSiteState(req.payload), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}
