/**
 * The search control on every page (header) and the large box at the top of the home page: a
 * plain GET form to /search, so it works without JavaScript and in the static copy (whose search
 * page reads `?q=` in the browser; the exporter moves `action` under the base path).
 */
export function SiteSearch({ variant }: { variant: 'header' | 'hero' }) {
  const id = `site-search-${variant}`
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className={`site-search site-search-${variant}`}
    >
      <label htmlFor={id} className={variant === 'header' ? 'visually-hidden' : undefined}>
        {variant === 'header' ? '搜索全站' : '找宣讲稿、视频、教材和案例'}
      </label>
      <div className="site-search-row">
        <input
          id={id}
          name="q"
          type="search"
          placeholder={variant === 'header' ? '搜索资源' : '如：彩礼、防诈骗、cl（拼音首字母）'}
          enterKeyHint="search"
          maxLength={100}
          autoComplete="off"
        />
        <button type="submit" aria-label="搜索全站" title="搜索">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle
              cx="10.5"
              cy="10.5"
              r="6.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
            />
            <path
              d="M15.5 15.5 21 21"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>
    </form>
  )
}
