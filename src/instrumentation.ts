/**
 * Next.js calls this once when the server starts. With static publishing on, Payload starts right
 * away (its onInit resumes interrupted static jobs and runs the queue) instead of waiting for the
 * first request that needs it, which a fully prerendered portal may never get.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.STATIC_SITE_DIR) return
  const { payloadClient } = await import('./data/payload')
  await payloadClient()
}
