import type { Access } from 'payload'

/** Any signed-in user. */
export const authenticated: Access = ({ req: { user } }) => Boolean(user)
