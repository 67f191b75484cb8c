/**
 * Imported first by benchmark steps that run in their own process: points DATABASE_URI and
 * MEDIA_DIR at the folder the dispatcher (bench/run.ts) chose, so a step never touches the
 * developer's data. Refuses to run without BENCH_DIR.
 */
import path from 'node:path'

const dir = process.env.BENCH_DIR
if (!dir) throw new Error('BENCH_DIR 未设置：请通过 npm run bench 运行 (run via npm run bench)')
export const benchDir = dir
process.env.DATABASE_URI = `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.JOBS_AUTORUN = '0'
