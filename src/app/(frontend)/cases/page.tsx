import { perRequestListPage } from '@/components/list/perRequestListPage'

const page = perRequestListPage('cases')

export const generateMetadata = page.generateMetadata
export default page.Page
