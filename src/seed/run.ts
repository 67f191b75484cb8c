/** `npm run seed`: creates the demo county (idempotent), printing progress. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seedDemoCounty } from './seed'

const payload = await getPayload({ config })
const started = Date.now()
const report = await seedDemoCounty(payload, {
  log: (message) => process.stdout.write(`[seed] ${message}\n`),
})
const seconds = ((Date.now() - started) / 1000).toFixed(1)
process.stdout.write(`[seed] 完成（${seconds} 秒），新建：${JSON.stringify(report)}\n`)
process.exit(0)
