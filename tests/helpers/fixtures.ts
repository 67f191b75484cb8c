import type { Payload } from 'payload'
import sharp from 'sharp'

import { paragraphsToLexical } from '@/lib/lexicalDocument'

/** Writes outside Next.js never revalidate pages. */
export const context = { disableRevalidate: true }

let counter = 0
/** A unique ASCII marker for test documents. */
export function unique(prefix = 't'): string {
  counter += 1
  return `${prefix}${Date.now().toString(36)}${counter}`
}

/** A tiny org tree (center → institute → station) and one topic. */
export async function createOrgTree(payload: Payload) {
  const tag = unique('org')
  const center = await payload.create({
    collection: 'orgs',
    data: { name: `测试中心${tag}`, slug: `${tag}-center`, level: 'center', regionCode: '990199' },
    overrideAccess: true,
    context,
  })
  const institute = await payload.create({
    collection: 'orgs',
    data: { name: `测试所${tag}`, slug: `${tag}-inst`, level: 'institute', parent: center.id },
    overrideAccess: true,
    context,
  })
  const station = await payload.create({
    collection: 'orgs',
    data: { name: `测试站${tag}`, slug: `${tag}-stn`, level: 'station', parent: institute.id },
    overrideAccess: true,
    context,
  })
  const topic = await payload.create({
    collection: 'topics',
    data: { name: `测试主题${tag}`, slug: `${tag}-topic` },
    overrideAccess: true,
    context,
  })
  return { center, institute, station, topic }
}

/** Data for a valid lecture script. */
export function scriptData(orgId: number | string, title: string, paragraphs = ['乡亲们好。']) {
  return {
    title,
    summary: `${title}的摘要`,
    org: orgId as number,
    format: 'bandeng' as const,
    durationMinutes: 10,
    body: paragraphsToLexical(paragraphs) as never,
  }
}

/** A real JPEG of the given size. */
export function jpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#8aa88f' } })
    .jpeg()
    .toBuffer()
}

/** A minimal, well-formed one-page PDF. */
export function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(body.length)
    body += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/**
 * Awaits an operation that must fail validation; returns Payload's summary and each field's
 * own message, joined, so tests can assert on the Chinese text an editor sees.
 */
export async function rejectionText(operation: Promise<unknown>): Promise<string> {
  try {
    await operation
  } catch (err) {
    const error = err as { message?: string; data?: { errors?: { message?: string }[] } }
    const details = (error.data?.errors ?? []).map((entry) => entry.message ?? '')
    return [error.message ?? '', ...details].join('\n')
  }
  throw new Error('操作本应被拒绝，却成功了 / the operation was expected to fail but succeeded')
}
