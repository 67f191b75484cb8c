/** Runs before dev/build/start: seeds the demo county into an empty database, otherwise does nothing. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seedDemoCounty } from './seed'

const payload = await getPayload({ config })
const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
if (totalDocs > 0 || process.env.SKIP_DEMO_SEED === '1') {
  process.stdout.write('[seed] 数据库已有内容，跳过示例数据\n')
} else {
  process.stdout.write('[seed] 空数据库：写入岚川县示例数据…\n')
  const report = await seedDemoCounty(payload, {
    log: (message) => process.stdout.write(`[seed] ${message}\n`),
  })
  process.stdout.write(`[seed] 完成，新建：${JSON.stringify(report)}\n`)
}
process.exit(0)
