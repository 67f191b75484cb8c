/** Child processes for the benchmarks: run with live output, wall time and peak RSS from /proc. */
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'

export type Peak = { self: number; server: number; total: number }

function readStat(pid: string): { ppid: number; rss: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 }
  } catch {
    return null
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

/**
 * Samples the RSS of a process tree every 200 ms. Processes whose command line names `next start`
 * / `next-server` count as the server; the rest as the process itself (exporter, builder).
 */
export function sampleTree(root: number): { stop: () => Peak } {
  const peak: Peak = { self: 0, server: 0, total: 0 }
  const roles = new Map<number, 'self' | 'server'>()
  const tick = () => {
    const stats = new Map<number, { ppid: number; rss: number }>()
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      const stat = readStat(pid)
      if (stat) stats.set(Number(pid), stat)
    }
    const inTree = (pid: number): boolean => {
      for (let p = pid, depth = 0; p > 1 && depth < 20; depth++) {
        if (p === root) return true
        p = stats.get(p)?.ppid ?? 0
      }
      return false
    }
    let self = 0
    let server = 0
    for (const [pid, stat] of stats) {
      if (!inTree(pid)) continue
      if (!roles.has(pid))
        roles.set(pid, /next(-server|\S* start)/.test(cmdline(pid)) ? 'server' : 'self')
      if (roles.get(pid) === 'server') server += stat.rss
      else self += stat.rss
    }
    peak.self = Math.max(peak.self, self)
    peak.server = Math.max(peak.server, server)
    peak.total = Math.max(peak.total, self + server)
  }
  tick()
  const timer = setInterval(tick, 200)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}

export type RunResult = { ms: number; peak: Peak; output: string }

/** Runs a command, echoing its output (progress) with a prefix; rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  {
    env = {},
    label,
    quiet = false,
  }: { env?: Record<string, string>; label: string; quiet?: boolean },
): Promise<RunResult> {
  const started = performance.now()
  const child = spawn(command, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const sampler = sampleTree(child.pid as number)
  let output = ''
  const echo = (chunk: Buffer) => {
    const text = chunk.toString()
    output += text
    if (output.length > 200_000) output = output.slice(-100_000)
    if (!quiet) process.stdout.write(text)
  }
  child.stdout?.on('data', echo)
  child.stderr?.on('data', echo)
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const peak = sampler.stop()
      const ms = performance.now() - started
      if (code === 0) resolve({ ms, peak, output })
      else {
        if (quiet) process.stdout.write(output.slice(-4000))
        reject(new Error(`${label} 失败（退出码 ${code}）`))
      }
    })
  })
}

/** Starts a long-running server process; `stop` ends it (and only it). */
export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; stop: () => Promise<void>; log: () => string } {
  const child = spawn(command, args, {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  // BENCH_SERVER_LOG=<file> keeps the whole output too, for looking into a run afterwards.
  const file = process.env.BENCH_SERVER_LOG
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
    if (file) appendFileSync(file, chunk)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    child,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}

/** Waits until `url` answers 2xx (or throws after `seconds`). */
export async function waitFor(url: string, seconds = 90): Promise<void> {
  const until = Date.now() + seconds * 1000
  while (Date.now() < until) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} ${seconds} 秒内没有响应`)
}

/**
 * CPU seconds a process has used so far, all its threads (user + system, from /proc; Linux clock
 * ticks are 1/100 s). Unlike throughput, a server's CPU time per request hardly moves when the
 * machine's speed drifts or the load generator competes for the same cores.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
