import type { Access, Where } from 'payload'

/** The single rule for what anonymous readers may see: published documents only. */
export const PUBLISHED: Where = { _status: { equals: 'published' } }

/** Signed-in users read everything; everyone else reads published documents only. */
export const publishedOrAuthenticated: Access = ({ req: { user } }) => (user ? true : PUBLISHED)
