/**
 * Imported first by benchmark steps that run in their own process: points DATABASE_URI and
 * MEDIA_DIR at the folder the dispatcher (bench/run.ts) chose, so a step never touches the
 * developer's data. Refuses to run without BENCH_DIR. BENCH_DATABASE_URI: the Mongo-wire database
 * the dispatcher restored this size into (the queries benchmark's second column).
 */
import path from 'node:path'

const dir = process.env.BENCH_DIR
if (!dir) throw new Error('BENCH_DIR 未设置：请通过 npm run bench 运行 (run via npm run bench)')
export const benchDir = dir
process.env.DATABASE_URI = process.env.BENCH_DATABASE_URI || `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.JOBS_AUTORUN = '0'
