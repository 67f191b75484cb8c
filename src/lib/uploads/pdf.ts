import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { UploadRejectedError } from './errors'
import { MAX_PDF_PAGES, MAX_PDF_TEXT_CHARS } from './limits'
import { withTempFile } from './scratch'
import { runTool } from './tools'

export type PdfFacts = { pageCount: number; text: string; cover: Buffer }

function broken(detail = ''): UploadRejectedError {
  return new UploadRejectedError(
    `PDF 文件不完整或已损坏，无法打开${detail ? `（${detail}）` : ''}。请重新导出后再上传。`,
  )
}

/**
 * Reads a PDF with poppler: page count (pdfinfo), text for search (pdftotext) and the first
 * page rendered as a JPEG cover (pdftoppm). Encrypted PDFs are refused: their text can't be
 * indexed and readers on phones often can't open them.
 */
export async function inspectPdf(data: Buffer): Promise<PdfFacts> {
  if (!data.subarray(-2048).toString('latin1').includes('%%EOF')) {
    throw broken('文件结尾缺失，可能上传中断')
  }
  return withTempFile(data, 'pdf', async (input, dir) => {
    const info = await runTool('pdfinfo', [input])
    if (info.code !== 0) throw broken()
    const fields = info.stdout.toString('utf8')
    if (/^Encrypted:\s+yes/m.test(fields)) {
      throw new UploadRejectedError('PDF 设置了密码或加密，无法提取文字。请导出一份不加密的 PDF。')
    }
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(fields)?.[1] ?? 0)
    if (pageCount < 1) throw broken('没有页面')
    if (pageCount > MAX_PDF_PAGES) {
      throw new UploadRejectedError(
        `PDF 页数太多：${pageCount} 页，上限 ${MAX_PDF_PAGES} 页。`,
        413,
      )
    }
    const text = await runTool('pdftotext', ['-enc', 'UTF-8', '-q', input, '-'])
    if (text.code !== 0) throw broken('无法提取文字')
    const coverBase = path.join(dir, 'cover')
    const render = await runTool('pdftoppm', [
      '-q',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      '-scale-to',
      '1200',
      '-jpeg',
      '-jpegopt',
      'quality=85',
      input,
      coverBase,
    ])
    if (render.code !== 0) throw broken('无法渲染首页')
    return {
      pageCount,
      text: text.stdout
        .toString('utf8')
        .replace(/\f/g, '\n')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
        .slice(0, MAX_PDF_TEXT_CHARS),
      cover: await readFile(`${coverBase}.jpg`),
    }
  })
}
