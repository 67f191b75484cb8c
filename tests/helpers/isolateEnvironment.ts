/**
 * Runs before each test file: gives it a database and upload folder of its own, so files can run
 * in parallel and nothing touches the developer's data, and removes them after the file's last
 * hook (`KEEP_TEST_DIRS=1` keeps them to look at). `TEST_DATABASE_URI=mongodb://…` runs the
 * suite against a Mongo-wire server instead of SQLite (one database per file).
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll } from 'vitest'

const workDir = mkdtempSync(path.join(tmpdir(), 'practice-hub-test-'))
const mongoBase = process.env.TEST_DATABASE_URI

if (mongoBase?.startsWith('mongodb')) {
  const url = new URL(mongoBase)
  url.pathname = `/ph_test_${randomUUID().slice(0, 8)}`
  process.env.DATABASE_URI = url.toString()
} else {
  process.env.DATABASE_URI = `file:${path.join(workDir, 'test.db')}`
}
process.env.MEDIA_DIR = path.join(workDir, 'media')
process.env.PAYLOAD_SECRET = 'practice-hub-test-secret'
process.env.TEST_WORK_DIR = workDir
// Tests run queued jobs explicitly with payload.jobs.run().
process.env.JOBS_AUTORUN = '0'

// Registered first, so it runs after the file's own afterAll hooks (Vitest runs them in reverse).
afterAll(() => {
  if (process.env.KEEP_TEST_DIRS !== '1') rmSync(workDir, { recursive: true, force: true })
})
