/**
 * First-load JavaScript of portal pages: fetches each page from a running build and sums the
 * scripts it loads (raw and gzip). Usage: node scripts/measure-first-load-js.mjs <origin> <path>…
 */
/* global fetch, URL */
import { Buffer } from 'node:buffer'
import { gzipSync } from 'node:zlib'

const [origin, ...paths] = process.argv.slice(2)
if (!origin || paths.length === 0) {
  process.stderr.write(
    '用法 usage: node scripts/measure-first-load-js.mjs http://127.0.0.1:3000 / /scripts\n',
  )
  process.exit(2)
}
const sizes = new Map()
async function sizeOf(src) {
  if (!sizes.has(src)) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer())
    sizes.set(src, { raw: body.length, gzip: gzipSync(body).length })
  }
  return sizes.get(src)
}
for (const path of paths) {
  const html = await (await fetch(new URL(path, origin))).text()
  // `nomodule` polyfills are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)]
  const scripts = [...new Set(tags.filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]))]
  let raw = 0
  let gzip = 0
  for (const src of scripts) {
    const size = await sizeOf(src)
    raw += size.raw
    gzip += size.gzip
  }
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1].length)
    .reduce((a, b) => a + b, 0)
  process.stdout.write(
    `${path}\t${scripts.length} files\t${(raw / 1024).toFixed(1)} kB\t${(gzip / 1024).toFixed(1)} kB gzip\t(+${(inline / 1024).toFixed(1)} kB inline RSC/JSON)\n`,
  )
}
