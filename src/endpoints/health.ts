import type { Endpoint } from 'payload'

import { payloadVersion } from '@/lib/backup/manifest'
import { checkHealth } from '@/lib/health'

const version = payloadVersion()

/**
 * GET /api/health: database reachability, latency and version, for load balancers and tests.
 * 200 when the database answers, 503 (with a Chinese message) when it does not. Never cached.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const health = await checkHealth(req.payload, version)
    if (health.status !== 'ok') req.payload.logger.warn('健康检查：数据库不可用')
    return Response.json(health, {
      status: health.status === 'ok' ? 200 : 503,
      headers: { 'Cache-Control': 'no-store, max-age=0' },
    })
  },
}
