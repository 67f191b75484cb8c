/**
 * Next.js calls this once when the server starts. Payload starts right away (its onInit follows
 * the other servers' public changes, takes part in electing the server that runs the job queues,
 * and runs the static publisher there) instead of waiting for the first request that needs it,
 * which a fully prerendered portal may never get while its cached pages go stale.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { payloadClient } = await import('./data/payload')
  await payloadClient()
}
