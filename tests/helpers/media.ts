import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32 } from 'node:zlib'

import sharp from 'sharp'

/** A file as the Local API takes it. */
export type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }

export function file(data: Buffer, name: string, mimetype: string): UploadFile {
  return { data, name, mimetype, size: data.length }
}

/** Every file under the upload root, relative, sorted: compared before and after refusals. */
export function filesOnDisk(root = process.env.MEDIA_DIR ?? ''): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    let entries: string[]
    try {
      entries = readdirSync(dir)
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(dir, entry)
      if (statSync(full).isDirectory()) walk(full)
      else found.push(path.relative(root, full))
    }
  }
  walk(root)
  return found.sort()
}

/** A phone-style photo: EXIF camera make, GPS position and "rotate 90°" orientation. */
export function phonePhoto(width = 2400, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#6f8a3f' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'LanchuanPhone', Model: 'LC-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '29/1 36/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '111/1 2/1 30/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

export function png(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c8553d' } })
    .png()
    .toBuffer()
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A tiny PNG whose header claims a huge size: a decompression bomb's calling card. */
export function pixelBombPng(width = 30_000, height = 30_000): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** A clip made by the system ffmpeg with the given output arguments. */
export function ffmpegClip(extension: string, codecArgs: string[], seconds = 3): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'practice-hub-clip-'))
  try {
    const output = path.join(dir, `clip.${extension}`)
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-y'],
      ...['-f', 'lavfi', '-i', `testsrc=size=320x180:rate=10:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `sine=frequency=300:duration=${seconds}`],
      ...codecArgs,
      '-shortest',
      output,
    ])
    return readFileSync(output)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const mp4 = (seconds = 3) =>
  ffmpegClip(
    'mp4',
    ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'].concat([
      '-movflags',
      '+faststart',
    ]),
    seconds,
  )

export const webm = (seconds = 3) =>
  ffmpegClip('webm', ['-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus'], seconds)

export function vtt(cues: [string, string, string][]): string {
  return `WEBVTT\n\n${cues.map(([start, end, text]) => `${start} --> ${end}\n${text}`).join('\n\n')}\n`
}
