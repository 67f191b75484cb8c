import { oembedResponse } from '@/lib/embed/oembedResponse'

export const dynamic = 'force-dynamic'

/** oEmbed 1.0 provider endpoint; see src/lib/embed/oembedResponse.ts. */
export function GET(request: Request) {
  return oembedResponse(request)
}
