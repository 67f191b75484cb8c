import type { CollectionConfig } from 'payload'

/**
 * State that several app servers on one database share (src/lib/coordination/). Written and read
 * by the servers themselves only: no API access, no admin view, no GraphQL types, not in backups.
 */
const internal = {
  admin: { hidden: true },
  access: {
    read: () => false,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  graphQL: false,
} as const satisfies Partial<CollectionConfig>

/** A named lease: the one server that may do a piece of work (e.g. run the job queues) until it expires. */
export const Leases: CollectionConfig = {
  ...internal,
  slug: 'leases',
  labels: { singular: '租约', plural: '租约' },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, index: true },
    { name: 'holder', type: 'text', required: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}

/**
 * Fixed-window counters for rate limits shared by every server: one row per key and window (on
 * FerretDB, whose updates are not atomic, one row per hit, counted by `window`).
 */
export const RateCounters: CollectionConfig = {
  ...internal,
  slug: 'rate-counters',
  labels: { singular: '限流计数', plural: '限流计数' },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'window', type: 'text', index: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}

/**
 * The public changes each server made (the cache tags that expired), so the other servers can
 * expire the same tags in their own page caches.
 */
export const PublicChanges: CollectionConfig = {
  ...internal,
  slug: 'public-changes',
  labels: { singular: '公开内容变更', plural: '公开内容变更' },
  fields: [
    { name: 'at', type: 'date', required: true, index: true },
    { name: 'origin', type: 'text', required: true },
    { name: 'tags', type: 'json', required: true },
  ],
}
