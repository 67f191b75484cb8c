/**
 * `npm run restore -- <archive.tar.gz>`: migrates the target database, then restores a backup
 * into it. Refuses a database or upload folder that is not empty; verifies everything against
 * the archive's manifest and exits non-zero on any mismatch.
 */
import config from '@payload-config'
import { getPayload, type Migration } from 'payload'

import { RestoreError, restoreBackup } from '@/lib/backup/restore'
import { databaseKind } from '@/lib/database'
import { migrations } from '@/migrations/sqlite'

const archive = process.argv.slice(2).find((arg) => !arg.startsWith('-'))
if (!archive) {
  process.stderr.write('[restore] 用法：npm run restore -- 备份文件.tar.gz\n')
  process.exit(2)
}
const log = (message: string) => process.stdout.write(`[restore] ${message}\n`)
const started = Date.now()
const payload = await getPayload({ config })
try {
  if (databaseKind(process.env.DATABASE_URI) === 'sqlite') {
    log('执行数据库迁移…')
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  await restoreBackup(payload, { archive, log })
  log(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
  process.exit(0)
} catch (err) {
  const message = err instanceof RestoreError ? err.message : `恢复失败：${(err as Error).message}`
  process.stderr.write(`[restore] ${message}\n`)
  process.exit(1)
}
