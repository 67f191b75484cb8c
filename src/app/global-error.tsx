'use client'

/**
 * Shown only when a root layout itself fails. Replaces Next's built-in global error page, whose
 * styles and icon (about 3.7 kB gzipped) were part of every portal page's first-load JavaScript.
 */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', padding: '2rem' }}>
        <h1>页面暂时打不开</h1>
        <p>服务器出了点问题，请稍后再试。</p>
        <button type="button" onClick={() => reset()}>
          重新加载
        </button>
      </body>
    </html>
  )
}
