/**
 * Draws the portal's app icons (a page of a script on the accent colour) into public/icons with sharp.
 * Run once after changing the design: `npx tsx scripts/icons.ts`. The PNGs are committed.
 */
import { mkdir } from 'node:fs/promises'
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
