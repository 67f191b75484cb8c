import { NotFoundMessage } from '@/components/portal/PortalShell'

export default function NotFound() {
  return <NotFoundMessage />
}
