import { perRequestListPage } from '@/components/list/perRequestListPage'

const page = perRequestListPage('videos')

export const generateMetadata = page.generateMetadata
export default page.Page
