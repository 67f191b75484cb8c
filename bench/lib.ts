/** Small helpers shared by the benchmarks: timing, percentiles, tables and progress. */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return 0
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now()
  const value = await run()
  return [value, performance.now() - start]
}

export function progress(label: string, done: number, total: number): void {
  if (done === total || done % Math.max(1, Math.floor(total / 20)) === 0) {
    process.stdout.write(
      `\r[bench] ${label} ${done}/${total} (${Math.round((done / total) * 100)}%)`,
    )
    if (done === total) process.stdout.write('\n')
  }
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0])
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${title}\n${line(columns)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))))
}

export function writeResult(name: string, data: unknown): string {
  const dir = path.resolve('bench/results')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), ...(data as object) }, null, 2)}\n`,
  )
  return file
}
