import { perRequestListPage } from '@/components/list/perRequestListPage'

const page = perRequestListPage('scripts')

export const generateMetadata = page.generateMetadata
export default page.Page
