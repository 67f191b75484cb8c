import { readFile } from 'node:fs/promises'
import path from 'node:path'

/** A `fetch` stand-in that reads a static folder from disk, for testing static clients. */
export function fileFetcher(root: string) {
  return async (url: string) => {
    try {
      const text = await readFile(path.join(root, url.replace(/^\/+/, '')), 'utf8')
      return { ok: true, text: async () => text }
    } catch {
      return { ok: false, text: async () => '' }
    }
  }
}
