import { PortalLink } from '../PortalLink'

/** Previous / numbered / next page links; `href(page)` builds each page's URL. */
export function Pagination({
  page,
  pages,
  href,
}: {
  page: number
  pages: number
  href: (page: number) => string
}) {
  if (pages <= 1) return null
  const numbers = Array.from({ length: pages }, (_, index) => index + 1).filter(
    (n) => n === 1 || n === pages || Math.abs(n - page) <= 2,
  )
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <PortalLink href={href(page - 1)} rel="prev">
          ‹ 上一页
        </PortalLink>
      ) : null}
      {numbers.map((n, index) => (
        <span key={n}>
          {index > 0 && n - numbers[index - 1] > 1 ? <span aria-hidden="true">…</span> : null}
          {n === page ? (
            <span aria-current="page" className="current">
              {n}
            </span>
          ) : (
            <PortalLink href={href(n)}>{n}</PortalLink>
          )}
        </span>
      ))}
      {page < pages ? (
        <PortalLink href={href(page + 1)} rel="next">
          下一页 ›
        </PortalLink>
      ) : null}
    </nav>
  )
}
