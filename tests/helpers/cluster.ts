import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { nextStartArgs } from '../../src/lib/nextServer'

/**
 * Several `next start` servers of the same production build on one database, as a county center
 * runs them behind a load balancer. Each server but the first runs from a folder of its own with a
 * copy of the build (`.next` without the build cache), so no two servers share a page cache:
 * like servers on different machines, each has its own.
 */

const repo = process.cwd()
const NEXT_BIN = path.join(repo, 'node_modules', 'next', 'dist', 'bin', 'next')

export type LogLine = { at: number; text: string }

export type AppServer = {
  name: string
  origin: string
  log: LogLine[]
  child: ChildProcess
  /** SIGKILL: the whole process group, no clean-up, as a crash. */
  kill(): Promise<void>
  /** SIGTERM, as a deploy stops a server. */
  stop(): Promise<void>
}

/** A folder that runs the repository's build as another machine would: its own `.next`. */
export function copyOfBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'practice-hub-server-'))
  for (const entry of [
    'node_modules',
    'src',
    'public',
    'package.json',
    'next.config.mjs',
    'tsconfig.json',
  ]) {
    symlinkSync(path.join(repo, entry), path.join(dir, entry))
  }
  cpSync(path.join(repo, '.next'), path.join(dir, '.next'), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(repo, '.next', 'cache')),
  })
  return dir
}

export function removeCopy(dir: string): void {
  if (dir !== repo) rmSync(dir, { recursive: true, force: true })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Starts `next start` in `dir` on `port` and waits until its health check answers. */
export async function startAppServer(options: {
  name: string
  port: number
  dir?: string
  env: Record<string, string>
}): Promise<AppServer> {
  const origin = `http://127.0.0.1:${options.port}`
  const child = spawn(process.execPath, [NEXT_BIN, ...nextStartArgs(options.port)], {
    cwd: options.dir ?? repo,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      ...options.env,
      STATIC_RENDER_ORIGIN: origin,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const log: LogLine[] = []
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n')
      rest = lines.pop() ?? ''
      for (const text of lines) if (text.trim()) log.push({ at: Date.now(), text })
    })
  }
  const server: AppServer = {
    name: options.name,
    origin,
    log,
    child,
    kill: async () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        // already gone
      }
      await exited(child)
    },
    stop: async () => {
      try {
        process.kill(-(child.pid as number), 'SIGTERM')
      } catch {
        // already gone
      }
      await exited(child)
    },
  }
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${options.name} 启动失败:\n${log.map((line) => line.text).join('\n')}`)
    }
    try {
      const response = await fetch(`${origin}/api/health`)
      if (response.ok) return server
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.kill()
      throw new Error(`${options.name} 未在 90 秒内启动:\n${log.map((l) => l.text).join('\n')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Whether a server holds the worker lease, from its health check. */
export async function isWorkerServer(server: AppServer): Promise<boolean> {
  const response = await fetch(`${server.origin}/api/health`)
  return ((await response.json()) as { worker?: boolean }).worker === true
}
