/**
 * `npm run static:upload`: sends the static site (STATIC_SITE_DIR) to an S3-compatible bucket
 * (STATIC_S3_BUCKET; Aliyun OSS and Tencent COS speak S3), only the files changed since the last
 * upload. The app does this after each publish when STATIC_S3_BUCKET is set; this is for the
 * first upload and for repairs.
 */
import { bucketFromEnv, syncBucket } from '../src/lib/staticSite/bucket'
import { staticPublishing } from '../src/lib/staticSite/config'

const config = staticPublishing()
const bucket = await bucketFromEnv()
if (!config || !bucket) {
  process.stderr.write(
    '[upload] 请设置 STATIC_SITE_DIR 和 STATIC_S3_BUCKET（以及 S3_ENDPOINT 等）\n',
  )
  process.exit(2)
}
const started = Date.now()
try {
  const result = await syncBucket(config.root, bucket, {
    prefix: process.env.STATIC_S3_PREFIX,
    onProgress: (done, total) => process.stdout.write(`[upload] ${done}/${total}\n`),
  })
  process.stdout.write(
    `[upload] 完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：上传 ${result.uploaded.length} 个，删除 ${result.removed.length} 个\n`,
  )
} catch (err) {
  process.stderr.write(`[upload] 上传中断，下次运行会从断点继续：${(err as Error).message}\n`)
  process.exitCode = 1
}
