/**
 * Imported first by benchmarks: points DATABASE_URI and MEDIA_DIR at a throwaway folder before
 * anything loads the Payload config, so a benchmark never touches the developer's data.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const benchDir = mkdtempSync(path.join(tmpdir(), 'ph-bench-'))
process.env.DATABASE_URI = `file:${path.join(benchDir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(benchDir, 'media')
process.env.JOBS_AUTORUN = '0'
