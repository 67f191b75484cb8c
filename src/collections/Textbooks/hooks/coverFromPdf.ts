import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '@/lib/ids'

/** A textbook without a cover gets its PDF's first page, rendered when the PDF was uploaded. */
export const coverFromPdf: CollectionBeforeChangeHook = async ({ data, req }) => {
  const pdfId = idOf(data.pdf)
  if (data.cover || !pdfId) return data
  const pdf = await req.payload.findByID({
    collection: 'files',
    id: pdfId as number,
    req,
    depth: 0,
    overrideAccess: true,
  })
  if (pdf?.preview) data.cover = idOf(pdf.preview)
  return data
}
