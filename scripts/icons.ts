/**
 * Draws the portal's app icons (a page of a script on the accent colour) into public/icons with sharp,
 * and public/favicon.ico for whatever asks for it without reading the page's icon links (old
 * browsers, feed readers, crawlers). Run once after changing the design: `npx tsx scripts/icons.ts`.
 * The files are committed.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

const ACCENT = '#a8332b'
const dir = path.resolve('public/icons')

function svg(size: number, maskable: boolean): string {
  // Maskable icons keep the mark inside the central 80 % safe zone.
  const inset = maskable ? size * 0.2 : size * 0.08
  const box = size - inset * 2
  const radius = maskable ? 0 : size * 0.18
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect width="${size}" height="${size}" rx="${radius}" fill="${ACCENT}"/>
  <rect x="${inset + box * 0.12}" y="${inset + box * 0.12}" width="${box * 0.76}" height="${box * 0.76}"
    rx="${box * 0.08}" fill="none" stroke="#fff" stroke-width="${box * 0.05}"/>
  <path d="M${inset + box * 0.3} ${inset + box * 0.38} h${box * 0.4} M${inset + box * 0.3} ${inset + box * 0.52} h${box * 0.4}
    M${inset + box * 0.3} ${inset + box * 0.66} h${box * 0.24}"
    stroke="#fff" stroke-width="${box * 0.06}" stroke-linecap="round" fill="none"/>
</svg>`
}

await mkdir(dir, { recursive: true })
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon.png', 180, true],
  ['favicon-32.png', 32, false],
] as const) {
  await sharp(Buffer.from(svg(size, maskable)))
    .png()
    .toFile(path.join(dir, name))
  console.log(`[icons] ${name}`)
}

/** An ICO file holding one PNG image (allowed since Windows Vista; every current browser reads it). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(1, 4) // one image
  header.writeUInt8(size % 256, 6) // width (0 means 256)
  header.writeUInt8(size % 256, 7) // height
  header.writeUInt8(0, 8) // no palette
  header.writeUInt8(0, 9) // reserved
  header.writeUInt16LE(1, 10) // colour planes
  header.writeUInt16LE(32, 12) // bits per pixel
  header.writeUInt32LE(png.length, 14) // image size
  header.writeUInt32LE(header.length, 18) // image offset
  return Buffer.concat([header, png])
}

const favicon = await sharp(Buffer.from(svg(32, false)))
  .png()
  .toBuffer()
await writeFile(path.resolve('public/favicon.ico'), icoOf(favicon, 32))
console.log('[icons] favicon.ico')
