// Adds up the JSON reports of vitest and Playwright into one closing line for CI logs.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const [dir, seconds] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  if (report.stats && 'expected' in report.stats) {
    passed += report.stats.expected + report.stats.flaky
    failed += report.stats.unexpected
    skipped += report.stats.skipped
  } else {
    passed += report.numPassedTests ?? 0
    failed += report.numFailedTests ?? 0
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
  console.log(`${file}: ok`)
}
console.log(`用时 ${seconds} 秒 / took ${seconds} s`)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
