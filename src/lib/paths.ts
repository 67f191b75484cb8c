import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (where package.json lives). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Where uploads are stored: `MEDIA_DIR` when set (tests, production volumes), else `media/`.
 * Always absolute, since Payload resolves relative static dirs from the working directory.
 */
export function mediaDir(kind: 'images' | 'files' | 'videos' | 'subtitles'): string {
  const root = process.env.MEDIA_DIR
    ? path.resolve(process.env.MEDIA_DIR)
    : path.join(projectRoot, 'media')
  return path.join(root, kind)
}
