/**
 * Next.js calls this once when the server starts. Payload starts right away (its onInit follows
 * the other servers' public changes, takes part in electing the server that runs the job queues,
 * and runs the static publisher there) instead of waiting for the first request that needs it,
 * which a fully prerendered portal may never get while its cached pages go stale.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  warnOnLoopbackHostname()
  const { payloadClient } = await import('./data/payload')
  await payloadClient()
}

/**
 * Started as `next start -H 127.0.0.1`, Next.js 16 serves every proxy rewrite (each list page) by
 * fetching it from itself over HTTP: its router compares the rewrite with the literal hostname,
 * while the proxy sees loopback addresses as `localhost` (vercel/next.js#94745). That is one more
 * hop per list (868 against 662 requests a second here) and, under load, a 500 now and then
 * (`socket hang up`). `-H localhost` binds the same address without it. (`next start` records its
 * origin in this variable; absent otherwise.)
 */
function warnOnLoopbackHostname(): void {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN
  if (!origin || !/^https?:\/\/(127\.[\d.]+|\[::1\])(:|$)/.test(origin)) return
  console.warn(
    `[practice-hub] 服务以 ${origin} 启动：Next.js 会把每个列表页经 HTTP 转发给自己（多一次转发，高负载时偶发 500）。请改用 -H localhost 或不指定 -H。`,
  )
}
