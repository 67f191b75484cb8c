import type { Payload, TaskConfig } from 'payload'

import { eraseBefore, orderSettings } from './settings'

/**
 * Erases the phone numbers of orders closed (given or cancelled) longer ago than the site's
 * retention (手机号保留天数). The order, its timeline and its rating stay; the number is gone
 * from the document (the collection keeps no versions). Returns how many orders were erased.
 */
export async function eraseClosedOrderPhones(payload: Payload, now = new Date()): Promise<number> {
  const settings = await orderSettings(payload)
  const { docs } = await payload.update({
    collection: 'orders',
    where: {
      and: [
        { closedAt: { less_than: eraseBefore(settings, now).toISOString() } },
        { phoneErasedAt: { exists: false } },
      ],
    },
    data: { phone: null, phoneMasked: '（已清除）', phoneErasedAt: now.toISOString() } as never,
    overrideAccess: true,
    depth: 0,
    limit: 500,
  })
  return docs.length
}

/** Runs the erasure every hour at minute 17 on the server that holds the worker lease. */
export const eraseOrderPhonesTask: TaskConfig<{
  input: Record<string, never>
  output: { erased: number }
}> = {
  slug: 'erase-order-phones',
  label: '清除已关闭订单的手机号',
  retries: 2,
  outputSchema: [{ name: 'erased', type: 'number' }],
  schedule: [{ cron: '0 17 * * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: { erased: await eraseClosedOrderPhones(req.payload) } }),
}
