import { payloadClient } from '@/data/payload'
import { oembedResponse } from '@/lib/embed/oembedResponse'
import { withReadLimit } from '@/lib/publicApi'

export const dynamic = 'force-dynamic'

/** oEmbed 1.0 provider endpoint (see src/lib/embed/oembedResponse.ts), under the read limit. */
const limited = withReadLimit((request: Request) => oembedResponse(request), payloadClient)

export function GET(request: Request): Promise<Response> {
  return limited(request, undefined)
}
