import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

/** Leaves preview: back to the published portal. */
export async function GET(request: Request) {
  ;(await draftMode()).disable()
  const back = new URL(request.url).searchParams.get('path')
  redirect(back && back.startsWith('/') && !back.startsWith('//') ? back : '/')
}
