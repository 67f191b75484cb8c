import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      )
    })
  })
}

/**
 * How long `next start` keeps an idle keep-alive connection open. Node's default is 5 s, shorter
 * than what keep-alive clients hold an idle connection for (Playwright's request context and
 * Node's fetch: for ever; load balancers: 60 s). A client that sends on a connection at the
 * instant the server closes it gets `socket hang up` / ECONNRESET and no answer. With the server
 * outliving the client's idle connections, the client is the one that closes and the race is gone.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000

/**
 * The arguments of `next start` on `port`: as `localhost`, not `127.0.0.1` (on a loopback address
 * Next.js fetches every proxy rewrite, each list page, from itself over HTTP: see
 * src/instrumentation.ts), and with the keep-alive timeout above. `npm start` passes the same.
 */
export function nextStartArgs(port: number, dir?: string): string[] {
  return [
    'start',
    ...(dir ? [dir] : []),
    '-p',
    String(port),
    '-H',
    'localhost',
    '--keepAliveTimeout',
    String(KEEP_ALIVE_TIMEOUT_MS),
  ]
}

/**
 * Starts `next start` of the existing production build on a loopback port and waits for it (see
 * `nextStartArgs`).
 */
export async function startNextServer(cwd: string): Promise<{ origin: string; stop: () => void }> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [nextBin(cwd), ...nextStartArgs(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const origin = `http://127.0.0.1:${port}`
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`next start 意外退出（退出码 ${code}）`))),
  )
  const ready = (async () => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      try {
        const response = await fetch(`${origin}/robots.txt`)
        if (response.ok) return
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('next start 60 秒内没有响应')
  })()
  try {
    await Promise.race([ready, exited])
  } catch (err) {
    child.kill()
    throw err
  }
  exited.catch(() => undefined)
  return { origin, stop: () => child.kill() }
}

function nextBin(cwd: string): string {
  return `${cwd}/node_modules/next/dist/bin/next`
}
