import { createHash } from 'node:crypto'

const hashes = new WeakMap<Uint8Array, string>()

/**
 * The sha256 (hex) of bytes that are kept and handed around unchanged, such as the static search
 * index's files: each buffer is hashed once, however often it is asked for. Only for buffers
 * nobody writes into after they were made.
 */
export function sha256Once(bytes: Uint8Array): string {
  let hash = hashes.get(bytes)
  if (hash === undefined) {
    hash = createHash('sha256').update(bytes).digest('hex')
    hashes.set(bytes, hash)
  }
  return hash
}
