/** A video with its Mandarin subtitles, as the video page and the video widget show it. */
export function VideoPlayer({
  src,
  type,
  poster,
  subtitlesUrl,
  className,
  fallback,
}: {
  src: string
  type?: string | null
  poster?: string
  subtitlesUrl?: string | null
  className: string
  /** What a browser that cannot play it shows instead. */
  fallback: string
}) {
  return (
    <video className={className} controls preload="metadata" poster={poster} playsInline>
      <source src={src} type={type ?? undefined} />
      {subtitlesUrl ? (
        <track kind="subtitles" src={subtitlesUrl} srcLang="zh-CN" label="普通话字幕" default />
      ) : null}
      {fallback}
    </video>
  )
}
