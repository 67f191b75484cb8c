import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Runs `work` with the bytes written to a private temp file, removed afterwards. */
export async function withTempFile<T>(
  data: Buffer,
  extension: string,
  work: (filePath: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'practice-hub-upload-'))
  try {
    const filePath = path.join(dir, `input.${extension}`)
    await writeFile(filePath, data)
    return await work(filePath, dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
