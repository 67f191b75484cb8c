/**
 * First-load JavaScript of portal pages: fetches each page from a running build and sums the
 * scripts it loads (raw and gzip), plus the HTML and CSS. `nomodule` polyfills are reported
 * apart: every browser that runs modules skips them. Also used by `npm run bench -- weight`.
 * Usage: node scripts/measure-first-load-js.mjs <origin> <path>…
 */
/* global fetch, URL */
import { Buffer } from 'node:buffer'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const sizes = new Map()
async function sizeOf(origin, src) {
  const key = new URL(src, origin).href
  if (!sizes.has(key)) {
    const body = Buffer.from(await (await fetch(key)).arrayBuffer())
    sizes.set(key, { raw: body.length, gzip: gzipSync(body).length })
  }
  return sizes.get(key)
}

/** Bytes a first visit to `path` costs: scripts (module / nomodule), HTML and CSS. */
export async function measurePage(origin, path) {
  const html = await (await fetch(new URL(path, origin))).text()
  const tags = [...html.matchAll(/<script\b[^>]*?\ssrc="([^"]+)"[^>]*>/g)]
  const unique = (list) => [...new Set(list.map((m) => m[1]))]
  const scripts = unique(tags.filter((m) => !/nomodule/i.test(m[0])))
  const nomodule = unique(tags.filter((m) => /nomodule/i.test(m[0])))
  const styles = [
    ...new Set(
      [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map(
        (m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '',
      ),
    ),
  ].filter(Boolean)
  const result = {
    path,
    scripts: scripts.length,
    files: scripts,
    raw: 0,
    gzip: 0,
    nomoduleGzip: 0,
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: gzipSync(html).length,
    cssGzip: 0,
    inline: [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1].length)
      .reduce((a, b) => a + b, 0),
  }
  for (const src of scripts) {
    const size = await sizeOf(origin, src)
    result.raw += size.raw
    result.gzip += size.gzip
  }
  for (const src of nomodule) result.nomoduleGzip += (await sizeOf(origin, src)).gzip
  for (const href of styles) result.cssGzip += (await sizeOf(origin, href)).gzip
  return result
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [origin, ...paths] = process.argv.slice(2)
  if (!origin || paths.length === 0) {
    process.stderr.write(
      '用法 usage: node scripts/measure-first-load-js.mjs http://127.0.0.1:3000 / /scripts\n',
    )
    process.exit(2)
  }
  for (const path of paths) {
    const m = await measurePage(origin, path)
    process.stdout.write(
      `${path}\t${m.scripts} files\t${(m.raw / 1024).toFixed(1)} kB\t${(m.gzip / 1024).toFixed(1)} kB gzip\t(+${(m.inline / 1024).toFixed(1)} kB inline RSC/JSON; nomodule ${(m.nomoduleGzip / 1024).toFixed(1)} kB gzip not counted)\n`,
    )
  }
}
