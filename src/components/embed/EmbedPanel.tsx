import { embedCodes } from '@/lib/embed/options'
import { PANEL_JS } from '@/lib/embed/scripts'
import { serverUrl } from '@/lib/serverUrl'

type Props = {
  /** The widget's portal path, e.g. `/embed/scripts` or `/embed/videos/some-slug`. */
  widgetPath: string
  /** What the widget shows, for the iframe's title. */
  title: string
  /** The portal page's own path, for the oEmbed URL (detail pages only). */
  oembedFor?: string
  /** Where the precomputed oEmbed JSON lives (detail pages only). */
  oembedJson?: string
}

/**
 * "嵌入本站": codes a media center pastes into its own site, and a live preview. Plain HTML plus
 * one kept inline script (codes for wherever the page is served, copy buttons), so it works the
 * same in the static export. Widgets are plain paths, so the exporter also finds them here.
 */
export function EmbedPanel({ widgetPath, title, oembedFor, oembedJson }: Props) {
  const site = serverUrl()
  const codes = embedCodes({ siteUrl: site, widgetPath, title })
  const oembedUrl = oembedFor
    ? `${site}/api/oembed?url=${encodeURIComponent(`${site}${oembedFor}`)}&format=json`
    : null
  return (
    <details className="embed-panel" data-embed-panel="" data-src={widgetPath} data-title={title}>
      <summary>嵌入本站</summary>
      <p>
        把下面任一段代码粘贴到融媒体中心网站的页面里，内容会随本站发布自动更新。可在地址后加
        <code>?count=5&amp;layout=grid&amp;theme=dark&amp;accent=1a6fb0</code>{' '}
        调整条数、排列、配色。
      </p>
      <div className="embed-code">
        <label htmlFor={`${widgetPath}-loader`}>自动适应高度（推荐）</label>
        <textarea
          id={`${widgetPath}-loader`}
          readOnly
          rows={3}
          data-embed-code="loader"
          defaultValue={codes.loader}
        />
        <button type="button" data-copy="loader">
          复制
        </button>
      </div>
      <div className="embed-code">
        <label htmlFor={`${widgetPath}-iframe`}>iframe 代码</label>
        <textarea
          id={`${widgetPath}-iframe`}
          readOnly
          rows={3}
          data-embed-code="iframe"
          defaultValue={codes.iframe}
        />
        <button type="button" data-copy="iframe">
          复制
        </button>
      </div>
      {oembedUrl ? (
        <div className="embed-code">
          <label htmlFor={`${widgetPath}-oembed`}>
            oEmbed 地址（支持 oEmbed 的内容管理系统直接粘贴本页网址即可）
          </label>
          <textarea
            id={`${widgetPath}-oembed`}
            readOnly
            rows={2}
            data-embed-code="oembed"
            defaultValue={oembedUrl}
          />
          <button type="button" data-copy="oembed">
            复制
          </button>
          {oembedJson ? (
            <p className="embed-note">
              静态 JSON：<a href={oembedJson}>{oembedJson}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="embed-preview-label">预览</p>
      <iframe
        className="embed-preview"
        src={widgetPath}
        title={`嵌入预览：${title}`}
        loading="lazy"
        height={oembedFor ? 480 : 560}
      />
      <script data-export="keep" dangerouslySetInnerHTML={{ __html: PANEL_JS }} />
    </details>
  )
}
