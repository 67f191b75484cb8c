import type { AnchorHTMLAttributes } from 'react'

/**
 * A plain document link for portal pages. Unlike next/link it does not prefetch every visible
 * link (costly on weak rural connections) nor navigate through the client router, so pages behave
 * the same on the server and in the static export under any base path.
 */
export function PortalLink(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />
}
