import { PortalLink } from '@/components/PortalLink'

export default function NotFound() {
  return (
    <section className="not-found">
      <h1>没有找到这个页面</h1>
      <p>它可能已被撤下，或者网址有误。</p>
      <p>
        <PortalLink className="button" href="/">
          回到首页
        </PortalLink>
      </p>
    </section>
  )
}
