/**
 * `npm run backup [-- --out file.tar.gz]`: writes a portable backup archive of the database
 * (all collections, versions, globals) and the upload files, with a manifest of counts and hashes.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { createBackup, defaultBackupName } from '@/lib/backup/backup'

const args = process.argv.slice(2)
const outFlag = args.indexOf('--out')
const out =
  outFlag >= 0 ? args[outFlag + 1] : (args.find((a) => !a.startsWith('-')) ?? defaultBackupName())
if (!out) {
  process.stderr.write('[backup] 用法：npm run backup -- --out 备份文件.tar.gz\n')
  process.exit(2)
}
const started = Date.now()
const payload = await getPayload({ config })
try {
  const log = (message: string) => process.stdout.write(`[backup] ${message}\n`)
  const { manifest } = await createBackup(payload, { out, log })
  const documents = Object.values(manifest.collections).reduce((sum, c) => sum + c.count, 0)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  log(
    `共 ${documents} 条文档、${Object.keys(manifest.media).length} 个媒体文件，用时 ${seconds} 秒`,
  )
  process.exit(0)
} catch (err) {
  process.stderr.write(`[backup] 备份失败：${(err as Error).message}\n`)
  process.exit(1)
}
