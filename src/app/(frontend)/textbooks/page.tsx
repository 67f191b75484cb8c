import { perRequestListPage } from '@/components/list/perRequestListPage'

const page = perRequestListPage('textbooks')

export const generateMetadata = page.generateMetadata
export default page.Page
