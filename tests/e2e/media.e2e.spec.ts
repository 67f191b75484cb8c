import { expect, test } from '@playwright/test'

test('a seeded video plays from the middle with its Mandarin subtitle track', async ({ page }) => {
  await page.goto('/videos/v-caili-xinghua')
  const video = page.locator('video.video-player')
  await expect(video).toHaveAttribute('poster', /\/api\/media\/file\//)
  const source = await video.locator('source').getAttribute('src')
  expect(source).toMatch(/\/api\/video-files\/file\/seed-v-caili-xinghua\.webm$/)
  await expect(video.locator('track')).toHaveAttribute(
    'src',
    '/videos/v-caili-xinghua/subtitles.vtt',
  )

  // The browser seeks with byte ranges; the server must answer 206 with the asked-for slice.
  const partial = await page.request.get(source!, { headers: { Range: 'bytes=0-1023' } })
  expect(partial.status()).toBe(206)
  expect(partial.headers()['content-range']).toMatch(/^bytes 0-1023\/\d+$/)
  expect((await partial.body()).length).toBe(1024)

  const seekedTo = await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true
    if (element.readyState < 1) {
      await new Promise((resolve) =>
        element.addEventListener('loadedmetadata', resolve, { once: true }),
      )
    }
    const seeked = new Promise((resolve) =>
      element.addEventListener('seeked', resolve, { once: true }),
    )
    element.currentTime = element.duration / 2
    await seeked
    return { time: element.currentTime, duration: element.duration }
  })
  expect(seekedTo.duration).toBeGreaterThan(20)
  expect(seekedTo.time).toBeGreaterThan(10)

  const cues = await video.evaluate(async (element: HTMLVideoElement) => {
    const track = element.textTracks[0]
    track.mode = 'hidden'
    const trackElement = element.querySelector('track')!
    if (trackElement.readyState !== 2) {
      await new Promise((resolve) => trackElement.addEventListener('load', resolve, { once: true }))
    }
    return Array.from(track.cues ?? []).map((cue) => (cue as VTTCue).text)
  })
  expect(cues.length).toBeGreaterThan(5)
  await expect(page.getByRole('heading', { name: '文字稿（普通话）' })).toBeVisible()
  await expect(page.locator('.transcript')).toContainText(cues[0])
})

test('the PDF textbook offers its generated PDF', async ({ page }) => {
  await page.goto('/textbooks/t-xinghua-cunshi')
  const link = page.getByRole('link', { name: /下载 PDF/ })
  const href = await link.getAttribute('href')
  expect(href).toMatch(/\/api\/files\/file\/seed-t-xinghua-cunshi\.pdf$/)
  const pdf = await page.request.get(href!)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
})
