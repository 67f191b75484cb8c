/**
 * `npm run static:publish -- [--all] [/path …]`: brings the static site (STATIC_SITE_DIR) up to date
 * by rendering the given portal paths — or everything with --all — from the running app at
 * STATIC_RENDER_ORIGIN. The app server does this by itself after each change; this is for
 * operators (first publish, repair after a restore) and for tests.
 */
import { staticPublishing } from '../src/lib/staticSite/config'
import { describeBrokenLinks, publishPaths } from '../src/lib/staticSite/site'

const args = process.argv.slice(2)
const config = staticPublishing()
if (!config) {
  process.stderr.write('[static] 请设置 STATIC_SITE_DIR（静态站目录）\n')
  process.exit(2)
}
const all = args.includes('--all') || args.filter((arg) => arg.startsWith('/')).length === 0
const paths = args.filter((arg) => arg.startsWith('/'))
const started = Date.now()
// STATIC_PROGRESS_EVERY: milliseconds between progress lines (0: one line per URL).
const every = Number(process.env.STATIC_PROGRESS_EVERY ?? 500)
let lastLine = 0
try {
  const result = await publishPaths(
    {
      root: config.root,
      target: config.target,
      onProgress: ({ done, queued, path }) => {
        if (Date.now() - lastLine < every && queued > 0) return
        lastLine = Date.now()
        process.stdout.write(`[static] ${done}/${done + queued} ${path}\n`)
      },
    },
    all ? 'all' : paths,
  )
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(
    `[static] 完成（${seconds} 秒）：渲染 ${result.rendered} 个地址，写入 ${result.written.length} 个文件，` +
      `删除 ${result.removed.length} 个 → ${config.root}\n`,
  )
  if (process.env.STATIC_VERBOSE) {
    process.stdout.write(
      `写入 written:\n${result.written.join('\n')}\n删除 removed:\n${result.removed.join('\n')}\n`,
    )
  }
  if (result.broken.length > 0) {
    process.stderr.write(
      `[static] 失效链接 broken links：\n${describeBrokenLinks(result.broken)}\n`,
    )
    process.exitCode = 1
  }
} catch (err) {
  process.stderr.write(`[static] 发布失败，已写入的文件均完整：${(err as Error).message}\n`)
  process.exitCode = 1
}
