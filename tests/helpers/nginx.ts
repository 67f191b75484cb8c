import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect } from '@playwright/test'

/**
 * Debian's nginx with the repository's deploy/nginx.conf, serving a static folder on a loopback
 * port and passing what needs the app to `appHost` (host:port), as in production.
 */
export async function startNginx(
  root: string,
  port: number,
  appHost: string,
): Promise<{ origin: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'practice-hub-nginx-'))
  const config = readFileSync('deploy/nginx.conf', 'utf8')
    .replaceAll('__STATIC_ROOT__', root)
    .replaceAll('__LISTEN__', `127.0.0.1:${port}`)
    .replaceAll('__APP__', appHost)
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    // The e2e folders are private to root (mktemp): workers run as root too in this test.
    `user root;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n` +
      `include /etc/nginx/mime.types;\naccess_log off;\nclient_body_temp_path ${dir};\n` +
      `proxy_temp_path ${dir};\n${config}\n}\n`,
  )
  const nginx = spawn(
    '/usr/sbin/nginx',
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const stop = () => {
    nginx.kill()
    rmSync(dir, { recursive: true, force: true })
  }
  const origin = `http://127.0.0.1:${port}`
  try {
    await expect
      .poll(async () => (await fetch(origin).catch(() => null))?.status, { timeout: 15_000 })
      .toBe(200)
  } catch (error) {
    stop()
    throw error
  }
  return { origin, stop }
}
