/**
 * `npm run export`: writes the public portal as static files, rendered by the production build.
 * EXPORT_DIR (default ./export), EXPORT_BASE_PATH (default empty) and EXPORT_PUBLIC_URL (default
 * SITE_URL) say where it goes and where it will be served; `npm run export` builds first.
 */
import path from 'node:path'

import { startNextServer } from '../src/lib/nextServer'
import { exportSite } from '../src/lib/staticSite/exportSite'

const cwd = process.cwd()
const outDir = path.resolve(cwd, process.env.EXPORT_DIR || 'export')
const started = Date.now()
const server = await startNextServer(cwd)
let lastLine = 0
try {
  const result = await exportSite({
    origin: server.origin,
    outDir,
    basePath: process.env.EXPORT_BASE_PATH,
    siteUrl: process.env.SITE_URL,
    publicUrl: process.env.EXPORT_PUBLIC_URL,
    onProgress: ({ done, queued, path: current }) => {
      if (Date.now() - lastLine < 500 && queued > 0) return
      lastLine = Date.now()
      process.stdout.write(`[export] ${done}/${done + queued} ${current}\n`)
    },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    `[export] 完成（${seconds} 秒）：${result.pages} 个页面，${result.files} 个文件，` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB → ${result.outDir}\n`,
  )
} catch (err) {
  process.stderr.write(`[export] 导出失败，原有导出保持不变：${(err as Error).message}\n`)
  process.exitCode = 1
} finally {
  server.stop()
}
