/**
 * Queues a scheduled publish as the admin's 定时发布 does (Payload's `schedulePublish` task), for
 * tests: `npm run payload -- run tests/helpers/schedulePublish.ts <collection> <id> <ISO time> <email>`.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

const [collection, id, waitUntil, email] = process.argv.slice(2)
const payload = await getPayload({ config })
const { docs } = await payload.find({
  collection: 'users',
  where: { email: { equals: email } },
  limit: 1,
  overrideAccess: true,
})
const job = await payload.jobs.queue({
  task: 'schedulePublish',
  waitUntil: new Date(waitUntil),
  input: {
    type: 'publish',
    doc: { relationTo: collection, value: String(id) },
    user: { relationTo: 'users', value: docs[0].id },
  } as never,
})
process.stdout.write(`[schedule] ${String(job.id)} ${waitUntil}\n`)
process.exit(0)
