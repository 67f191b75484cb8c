import { createHash } from 'node:crypto'

import sharp from 'sharp'

/** Muted palettes (sky, hill, field) for generated landscape illustrations. */
const PALETTES = [
  ['#f3e9dc', '#8aa88f', '#4f7a61'],
  ['#eef2f3', '#a7b8c7', '#5d7388'],
  ['#fbeee0', '#d9a48f', '#9c5b4b'],
  ['#f1f0e6', '#b9c48e', '#6f8a3f'],
  ['#f4ecf1', '#c6a9b8', '#7e5a6e'],
  ['#eaf1ee', '#8fbcaf', '#3f7f72'],
]

function rng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) % 10_000) / 10_000
  }
}

function ridge(random: () => number, width: number, baseY: number, amplitude: number): string {
  const points: string[] = [`M0 ${baseY}`]
  const steps = 8
  for (let i = 1; i <= steps; i++) {
    const x = (width / steps) * i
    const y = baseY - amplitude * (0.3 + random())
    points.push(`Q${x - width / steps / 2} ${y} ${x} ${baseY - amplitude * random() * 0.4}`)
  }
  return `${points.join(' ')} L${width} 2000 L0 2000 Z`
}

/**
 * A deterministic landscape illustration (sky, sun, hills, river) for a seed key.
 * No text is drawn, so it renders the same on machines without CJK fonts.
 */
export async function generateIllustration(
  key: string,
  width = 1600,
  height = 900,
): Promise<Buffer> {
  const random = rng(key)
  const [sky, hill, field] = PALETTES[Math.floor(random() * PALETTES.length)]
  const sunX = width * (0.15 + random() * 0.7)
  const sunY = height * (0.18 + random() * 0.15)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${sunX}" cy="${sunY}" r="${height * 0.08}" fill="#c8553d" fill-opacity="0.75"/>
  <path d="${ridge(random, width, height * 0.62, height * 0.25)}" fill="${hill}" fill-opacity="0.7"/>
  <path d="${ridge(random, width, height * 0.78, height * 0.18)}" fill="${field}" fill-opacity="0.85"/>
  <path d="M0 ${height * 0.9} C ${width * 0.3} ${height * 0.8}, ${width * 0.6} ${height}, ${width} ${height * 0.86} L${width} ${height} L0 ${height} Z" fill="#9cc3d5" fill-opacity="0.8"/>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
}
