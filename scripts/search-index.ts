/**
 * `npm run search:index [folder]`: rebuilds the static search index (default ./export/search-index)
 * from the published content in the database, with progress. The live portal's index rebuilds
 * itself on every publish; this is for refreshing a static copy without a full export.
 */
import path from 'node:path'

import config from '@payload-config'
import { getPayload } from 'payload'

import { loadSearchDocs } from '@/data/search'
import { writeStaticIndex } from '@/lib/search/static/writer'

const target = path.resolve(
  process.argv[2] ?? path.join(process.env.EXPORT_DIR || 'export', 'search-index'),
)
const started = Date.now()
const payload = await getPayload({ config })
process.stdout.write('[search] 读取已发布内容 reading published content…\n')
const docs = await loadSearchDocs(payload)
process.stdout.write(`[search] ${docs.length} 篇，写入索引 writing the index to ${target}…\n`)
const stats = await writeStaticIndex(docs, target)
const seconds = ((Date.now() - started) / 1000).toFixed(1)
process.stdout.write(
  `[search] 完成（${seconds} 秒）：${stats.terms} 个词项，${stats.files} 个文件，` +
    `${(stats.bytes / 1024 / 1024).toFixed(1)} MB\n`,
)
process.exit(0)
