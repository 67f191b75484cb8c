import { execFile } from 'node:child_process'

import { UploadRejectedError } from './errors'

/** The Debian package that provides each external program we call. */
const PACKAGES: Record<string, string> = {
  ffmpeg: 'ffmpeg',
  ffprobe: 'ffmpeg',
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
}

export class MissingToolError extends UploadRejectedError {
  constructor(tool: string) {
    const pkg = PACKAGES[tool] ?? tool
    super(
      `服务器上没有找到 ${tool} 程序，无法处理这个文件。请管理员安装 Debian 软件包 ${pkg}（apt-get install ${pkg}）后再上传。`,
      503,
    )
  }
}

export type ToolResult = { stdout: Buffer; stderr: string; code: number }

/** Runs a program without a shell; a missing program becomes a MissingToolError. */
export function runTool(tool: string, args: string[], timeoutMs = 120_000): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(new MissingToolError(tool))
          return
        }
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ stdout, stderr: stderr.toString('utf8'), code })
      },
    )
  })
}

const availability = new Map<string, Promise<boolean>>()

/** Whether a program can be run here (cached per process). */
export function toolAvailable(tool: string): Promise<boolean> {
  let known = availability.get(tool)
  if (!known) {
    known = runTool(tool, tool.startsWith('pdf') ? ['-v'] : ['-version'], 10_000).then(
      () => true,
      () => false,
    )
    availability.set(tool, known)
  }
  return known
}
