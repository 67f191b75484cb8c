import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Cases } from './src/collections/Cases'
import { Leases, PublicChanges, RateCounters } from './src/collections/Coordination'
import { Files } from './src/collections/Files'
import { Lecturers } from './src/collections/Lecturers'
import { Orders } from './src/collections/Orders'
import { Media } from './src/collections/Media'
import { Orgs } from './src/collections/Orgs'
import { StaticPublishStatus } from './src/collections/StaticPublishStatus'
import { Scripts } from './src/collections/Scripts'
import { SubtitleFiles } from './src/collections/SubtitleFiles'
import { Textbooks } from './src/collections/Textbooks'
import { Topics } from './src/collections/Topics'
import { Users } from './src/collections/Users'
import { VideoFiles } from './src/collections/VideoFiles'
import { Videos } from './src/collections/Videos'
import { healthEndpoint } from './src/endpoints/health'
import {
  searchDocumentsEndpoint,
  searchEndpoint,
  searchPeopleEndpoint,
} from './src/endpoints/search'
import { staticSiteEndpoint } from './src/endpoints/staticSite'
import { Site } from './src/globals/Site'
import { richTextEditor } from './src/fields/richText'
import { explainApiErrors } from './src/hooks/apiErrors'
import { databaseAdapter } from './src/lib/database'
import { emailAdapter } from './src/lib/email'
import { startCoordination } from './src/lib/coordination/start'
import { isWorker } from './src/lib/coordination/worker'
import { eraseOrderPhonesTask } from './src/lib/orders/erase'
import { STATIC_QUEUE, staticPublishTask } from './src/lib/staticSite/publisher'
import { cleanTextFields } from './src/plugins/cleanTextFields'
import { requestGuards } from './src/plugins/requestGuards'
import { objectStorage } from './src/lib/storage'
import { formatBytes, UPLOAD_LIMITS } from './src/lib/uploads/limits'

const dirname = path.dirname(fileURLToPath(import.meta.url))

function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production') {
    throw new Error('生产环境必须设置 PAYLOAD_SECRET / PAYLOAD_SECRET must be set in production')
  }
  // Development and demo only: a fixed secret so a fresh clone runs with zero setup.
  return 'practice-hub-development-secret-change-me'
}

export default buildConfig({
  secret: payloadSecret(),
  telemetry: false,
  admin: {
    user: Users.slug,
    avatar: 'default',
    // Payload's own date displays (document header, version lists) in the usual Chinese form;
    // our lists, dashboard and review log use src/lib/dates.ts in the site's time zone.
    dateFormat: 'yyyy年M月d日 HH:mm',
    meta: { titleSuffix: ' · 文明实践资源库' },
    importMap: { baseDir: path.resolve(dirname, 'src') },
    components: {
      afterNavLinks: [
        '/components/admin/ReviewQueue#ReviewQueue',
        '/components/admin/OrderQueue#OrderQueue',
      ],
      beforeDashboard: ['/components/admin/Dashboard#PersonalDashboard'],
      providers: ['/components/admin/AdminProvider#AdminProvider'],
    },
  },
  i18n: { supportedLanguages: { zh }, fallbackLanguage: 'zh' },
  collections: [
    Scripts,
    Videos,
    Textbooks,
    Cases,
    Lecturers,
    Orders,
    Orgs,
    Topics,
    Media,
    Files,
    VideoFiles,
    SubtitleFiles,
    Users,
    StaticPublishStatus,
    Leases,
    RateCounters,
    PublicChanges,
  ],
  globals: [Site],
  onInit: startCoordination,
  endpoints: [
    searchEndpoint,
    searchDocumentsEndpoint,
    searchPeopleEndpoint,
    healthEndpoint,
    staticSiteEndpoint,
  ],
  hooks: { afterError: [explainApiErrors] },
  editor: richTextEditor(),
  // Order notifications (src/lib/orders/notify.ts) and password resets: SMTP from the environment.
  email: emailAdapter(),
  db: databaseAdapter(),
  sharp,
  upload: {
    // The largest per-kind limit (videos); each kind's own limit is checked in uploadSafety.
    limits: { fileSize: UPLOAD_LIMITS.video.maxBytes },
    // Payload's default caps a whole multipart request at 50 MB, below our video limit.
    requestSizeLimit: UPLOAD_LIMITS.video.maxBytes + 16 * 1024 * 1024,
    responseOnLimit: `文件太大：上限 ${formatBytes(UPLOAD_LIMITS.video.maxBytes)}。`,
  },
  // Types are generated on purpose (npm run generate:types), never as a side effect of booting.
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts'), autoGenerate: false },
  graphQL: { disablePlaygroundInProduction: true },
  jobs: {
    // Scheduled publish/unpublish jobs run inside an app server, checked every minute
    // (`JOBS_CRON`). Static publishing is woken by each change; the 30-second run is its safety
    // net. Of several servers on one database only the holder of the worker lease runs them.
    autoRun: [
      { cron: process.env.JOBS_CRON || '* * * * *', queue: 'default', limit: 20 },
      { cron: '*/30 * * * * *', queue: STATIC_QUEUE, limit: 10 },
    ],
    shouldAutoRun: () => process.env.JOBS_AUTORUN !== '0' && isWorker(),
    tasks: [staticPublishTask, eraseOrderPhonesTask],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: true },
    }),
  },
  plugins: [
    objectStorage(),
    requestGuards(),
    cleanTextFields(),
    nestedDocsPlugin({
      collections: ['orgs', 'topics'],
      generateLabel: (_, doc) => String(doc.name ?? ''),
      generateURL: (docs) => docs.reduce((url, doc) => `${url}/${String(doc.slug ?? '')}`, ''),
    }),
  ],
})
