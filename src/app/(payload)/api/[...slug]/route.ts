/* Payload's app template (keep in step with @payloadcms/next), plus the public read limit. */
import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { payloadClient } from '@/data/payload'
import { withReadLimit } from '@/lib/publicApi'

// Anonymous reads of the public API count against a limit shared by every app server.
export const GET = withReadLimit(REST_GET(config), payloadClient)
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
