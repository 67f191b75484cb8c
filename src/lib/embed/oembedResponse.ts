import { TAGS } from '@/data/cacheTags'
import { withCacheTags } from '@/data/declareTags'
import { getOEmbedSource } from '@/data/embed'
import { getSiteSettings } from '@/data/site'
import { serverUrl } from '@/lib/serverUrl'

import {
  buildOEmbed,
  isOEmbedError,
  OEMBED_CACHE_AGE,
  parseDimension,
  resourceFromUrl,
  type OEmbedError,
} from './oembed'

const JSON_TYPE = 'application/json; charset=utf-8'

function errorResponse({ status, message }: OEmbedError): Response {
  return Response.json(
    { error: message },
    { status, headers: { 'Content-Type': JSON_TYPE, 'Access-Control-Allow-Origin': '*' } },
  )
}

/**
 * The oEmbed provider (https://oembed.com/ §2): `?url=<portal URL>&maxwidth=&maxheight=&format=json`.
 * 400 for a missing or malformed URL, 404 for one that is not a public resource of ours, 501 for
 * any format but JSON (the spec allows not implementing XML).
 */
export async function oembedResponse(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams
  const format = params.get('format')
  if (format !== null && format !== 'json') {
    return errorResponse({
      status: 501,
      message: `不支持 ${format.slice(0, 20)} 格式，只提供 JSON（format=json）`,
    })
  }
  const target = resourceFromUrl(params.get('url'), serverUrl())
  if (isOEmbedError(target)) return errorResponse(target)
  const [source, site] = await Promise.all([
    getOEmbedSource(target.kind, target.slug),
    getSiteSettings(),
  ])
  if (!source) return errorResponse({ status: 404, message: '不是本站的公开资源' })
  const body = buildOEmbed(
    source,
    { name: site.name, url: serverUrl() },
    {
      maxwidth: parseDimension(params.get('maxwidth')),
      maxheight: parseDimension(params.get('maxheight')),
    },
  )
  return Response.json(body, {
    headers: {
      'Content-Type': JSON_TYPE,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': `public, max-age=${OEMBED_CACHE_AGE}`,
    },
  })
}

/** The precomputed oEmbed JSON of a resource at default size (static export, discovery). */
export async function oembedJson(kind: string, file: string): Promise<Response> {
  const match = /^(.+)\.json$/.exec(file)
  const target = match
    ? resourceFromUrl(`${serverUrl()}/${kind}/${match[1]}`, serverUrl())
    : ({ status: 404, message: '不是本站的公开资源' } as const)
  if (isOEmbedError(target)) return errorResponse({ status: 404, message: '不是本站的公开资源' })
  const tags = [TAGS.resource(target.kind, target.slug)]
  const [source, site] = await Promise.all([
    getOEmbedSource(target.kind, target.slug),
    getSiteSettings(),
  ])
  if (!source) {
    return withCacheTags(errorResponse({ status: 404, message: '不是本站的公开资源' }), tags)
  }
  return withCacheTags(
    Response.json(buildOEmbed(source, { name: site.name, url: serverUrl() }), {
      headers: { 'Content-Type': JSON_TYPE, 'Access-Control-Allow-Origin': '*' },
    }),
    tags,
  )
}
