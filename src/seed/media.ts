import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

import { withTempFile } from '@/lib/uploads/scratch'
import { runTool, toolAvailable } from '@/lib/uploads/tools'

export type DemoVideoOptions = {
  seconds: number
  container: 'mp4' | 'webm'
  /** An ffmpeg lavfi test picture. */
  pattern: 'testsrc' | 'smptebars'
  /** Pitch of the tone standing in for speech. */
  frequency: number
}

/**
 * A small synthetic clip (test picture + a tone) made by the system ffmpeg, or null when ffmpeg
 * isn't installed, so the seed still runs on machines without it.
 */
export async function generateDemoVideo(options: DemoVideoOptions): Promise<Buffer | null> {
  if (!(await toolAvailable('ffmpeg'))) return null
  const { seconds, container, pattern, frequency } = options
  const codecs =
    container === 'mp4'
      ? ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '32', '-pix_fmt', 'yuv420p'].concat([
          '-c:a',
          'aac',
          '-b:a',
          '32k',
          '-movflags',
          '+faststart',
        ])
      : ['-c:v', 'libvpx-vp9', '-b:v', '60k', '-deadline', 'realtime', '-cpu-used', '8'].concat([
          '-c:a',
          'libopus',
          '-b:a',
          '24k',
        ])
  return withTempFile(Buffer.alloc(0), 'txt', async (_input, dir) => {
    const output = path.join(dir, `demo.${container}`)
    // A tone that rises and falls a little, closer to a voice than a flat beep.
    const voice = `aevalsrc='0.3*sin(2*PI*${frequency}*t*(1+0.05*sin(2*PI*0.7*t)))':s=22050:d=${seconds}`
    const result = await runTool('ffmpeg', [
      ...['-v', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `${pattern}=size=320x180:rate=10:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', voice],
      ...codecs,
      '-shortest',
      output,
    ])
    if (result.code !== 0) throw new Error(`ffmpeg 生成演示视频失败：${result.stderr}`)
    return readFile(output)
  })
}

export type PdfChapter = { title: string; paragraphs: readonly string[] }

const PAGE = { width: 420, height: 595, margin: 48 }
const BODY_SIZE = 12
const LINE_HEIGHT = 20

function hexUtf16(text: string): string {
  let hex = ''
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f
    hex += (code > 0xffff ? 0x25a1 : code).toString(16).padStart(4, '0')
  }
  return `<${hex.toUpperCase()}>`
}

/** Splits text into lines of at most `width` em (CJK counts 1, Latin 0.5). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  let used = 0
  for (const char of text) {
    const w = char.charCodeAt(0) < 0x2e80 ? 0.5 : 1
    if (used + w > width) {
      lines.push(line)
      line = ''
      used = 0
    }
    line += char
    used += w
  }
  if (line) lines.push(line)
  return lines
}

/** Maps every BMP code to itself, so text extraction works even without CJK CMap files. */
function toUnicodeCMap(): string {
  const ranges: string[] = []
  for (let high = 0; high < 256; high++) {
    if (high >= 0xd8 && high <= 0xdf) continue
    const h = high.toString(16).padStart(2, '0').toUpperCase()
    ranges.push(`<${h}00> <${h}FF> <${h}00>`)
  }
  const blocks: string[] = []
  for (let i = 0; i < ranges.length; i += 100) {
    const chunk = ranges.slice(i, i + 100)
    blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`)
  }
  return [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n')
}

/**
 * A textbook PDF written from text: a cover page, then the chapters. It uses the standard
 * Chinese font STSong-Light (every PDF reader has it, so nothing is embedded and the file
 * stays small) with a ToUnicode map, so pdftotext and search get the real characters.
 */
export function generateTextbookPdf(
  title: string,
  subtitle: string,
  chapters: readonly PdfChapter[],
): Buffer {
  const perLine = Math.floor((PAGE.width - 2 * PAGE.margin) / BODY_SIZE)
  const linesPerPage = Math.floor((PAGE.height - 2 * PAGE.margin) / LINE_HEIGHT)
  const text = (size: number, x: number, y: number, value: string) =>
    `BT /F1 ${size} Tf ${x} ${y} Td ${hexUtf16(value)} Tj ET`

  const pages: string[] = []
  const cover = [
    '0.31 0.48 0.38 rg',
    `0 ${PAGE.height * 0.55} ${PAGE.width} ${PAGE.height * 0.45} re f`,
    '0.78 0.33 0.24 rg',
    `${PAGE.width - 110} ${PAGE.height - 110} m ${PAGE.width - 60} ${PAGE.height - 110} l ${PAGE.width - 85} ${PAGE.height - 70} l f`,
    '1 1 1 rg',
    ...wrap(title, 14).map((line, i) => text(24, PAGE.margin, PAGE.height * 0.7 - i * 32, line)),
    '0.2 0.2 0.2 rg',
    text(14, PAGE.margin, PAGE.height * 0.4, subtitle),
  ]
  pages.push(cover.join('\n'))

  const bodyLines: { size: number; value: string }[] = []
  for (const chapter of chapters) {
    bodyLines.push({ size: 16, value: chapter.title }, { size: BODY_SIZE, value: '' })
    for (const paragraph of chapter.paragraphs) {
      for (const line of wrap(`\u3000\u3000${paragraph}`, perLine))
        bodyLines.push({ size: BODY_SIZE, value: line })
    }
    bodyLines.push({ size: BODY_SIZE, value: '' })
  }
  for (let start = 0; start < bodyLines.length; start += linesPerPage) {
    const page = bodyLines.slice(start, start + linesPerPage)
    pages.push(
      [
        '0.1 0.1 0.1 rg',
        ...page
          .filter((line) => line.value)
          .map((line) => {
            const index = page.indexOf(line)
            return text(
              line.size,
              PAGE.margin,
              PAGE.height - PAGE.margin - (index + 1) * LINE_HEIGHT,
              line.value,
            )
          }),
      ].join('\n'),
    )
  }

  // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then page/content pairs.
  const objects: (string | Buffer)[] = []
  const stream = (dict: string, content: string) => {
    const data = deflateSync(Buffer.from(content, 'latin1'))
    return Buffer.concat([
      Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ])
  }
  const pageIds = pages.map((_, i) => 7 + i * 2)
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  objects.push(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  )
  objects.push(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>',
  )
  objects.push(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>',
  )
  objects.push(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  )
  objects.push(stream('', toUnicodeCMap()))
  pages.forEach((content, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`,
    )
    objects.push(stream('', content))
  })

  const chunks: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = chunks[0].length
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(length)
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof object === 'string' ? Buffer.from(object, 'latin1') : object,
      Buffer.from('\nendobj\n', 'latin1'),
    ])
    chunks.push(chunk)
    length += chunk.length
  })
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  ].join('')
  chunks.push(Buffer.from(xref, 'latin1'))
  return Buffer.concat(chunks)
}

/** Whether poppler's tools are here (the seed skips the PDF textbook without them). */
export function popplerAvailable(): Promise<boolean> {
  return toolAvailable('pdfinfo')
}
