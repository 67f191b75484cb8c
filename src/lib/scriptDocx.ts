import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

export type ScriptDocxInput = {
  title: string
  summary: string
  /** Label/value pairs such as 宣讲形式 / 板凳课堂; empty values are skipped. */
  meta: [string, string][]
  keyPoints: string[]
  /** The talk as plain text; blank lines or line breaks separate paragraphs. */
  body: string
  /** The page the file came from, printed at the end so a printout leads back to it. */
  sourceUrl: string
}

const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' }

function text(value: string, options: { bold?: boolean; size?: number } = {}) {
  return new TextRun({ text: value, font: FONT, size: options.size ?? 28, bold: options.bold })
}

/** A lecture script as a Word document (title, meta, key points, body), ready to print. */
export async function buildScriptDocx(input: ScriptDocxInput): Promise<Buffer> {
  const paragraphs = input.body
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
  const doc = new Document({
    creator: '文明实践资源库',
    title: input.title,
    description: input.summary,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [text(input.title, { bold: true, size: 40 })],
          }),
          ...input.meta
            .filter(([, value]) => value)
            .map(
              ([label, value]) =>
                new Paragraph({
                  children: [
                    text(`${label}：`, { bold: true, size: 24 }),
                    text(value, { size: 24 }),
                  ],
                }),
            ),
          ...(input.keyPoints.length > 0
            ? [
                new Paragraph({
                  heading: HeadingLevel.HEADING_2,
                  spacing: { before: 240 },
                  children: [text('宣讲要点', { bold: true, size: 32 })],
                }),
                ...input.keyPoints.map(
                  (point, index) => new Paragraph({ children: [text(`${index + 1}. ${point}`)] }),
                ),
              ]
            : []),
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            spacing: { before: 240 },
            children: [text('宣讲正文', { bold: true, size: 32 })],
          }),
          ...paragraphs.map(
            (line) =>
              new Paragraph({
                indent: { firstLine: 560 },
                spacing: { line: 460 },
                children: [text(line)],
              }),
          ),
          new Paragraph({
            spacing: { before: 360 },
            children: [text(`来源：${input.sourceUrl}`, { size: 20 })],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** A `Content-Disposition` value that keeps a Chinese file name (RFC 6266 / 5987). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** A safe file name for a title: no path separators or characters Windows refuses. */
export function docxFilename(title: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\r\n]+/g, ' ')
      .trim()
      .slice(0, 80) || 'script'
  return `${base}.docx`
}
