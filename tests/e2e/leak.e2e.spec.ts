import { expect, test, type APIRequestContext } from '@playwright/test'

import { DEMO_PASSWORD } from '../../src/seed/content/county'
import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { paragraphsToLexical } from '../../src/lib/lexicalDocument'

/** Signs in through the REST API and returns the JWT for an Authorization header. */
async function token(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/users/login', {
    data: { email, password: DEMO_PASSWORD },
  })
  expect(response.ok()).toBe(true)
  return (await response.json()).token
}

test.describe('a draft never leaks to anonymous visitors', () => {
  test.skip(({ isMobile }) => isMobile, 'one run is enough for API-level checks')

  test('on pages, lists, REST, GraphQL and version history', async ({
    request,
    playwright,
    baseURL,
  }) => {
    const marker = `LEAK${Date.now().toString(36)}`
    // Created by the county reviewer in 文昌社区, outside the orgs the admin-scope test counts. Its
    // own account: Payload keeps sessions on the user document, and a login to the same account
    // at the same moment in another test can drop this one.
    const editor = await token(request, 'reviewer@lanchuan.example')
    const orgs = await request.get('/api/orgs?where[slug][equals]=wenchang', {
      headers: { Authorization: `JWT ${editor}` },
    })
    const orgId = (await orgs.json()).docs[0].id
    const created = await request.post('/api/scripts?draft=true', {
      headers: { Authorization: `JWT ${editor}` },
      data: {
        title: `泄露测试${marker}`,
        slug: marker.toLowerCase(),
        summary: `摘要${marker}`,
        org: orgId,
        format: 'weixuanjiang',
        durationMinutes: 5,
        reviewState: 'submitted',
        _status: 'draft',
        body: paragraphsToLexical([`正文${marker}`]),
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const id = (await created.json()).doc.id

    // A fresh context: no cookies, no token.
    const anonymous = await playwright.request.newContext({ baseURL })
    const bodies: [string, string][] = []
    for (const path of [
      '/',
      ...RESOURCE_KINDS.map((kind) => `/${kind}`),
      `/scripts/${marker.toLowerCase()}`,
      `/api/scripts?where[title][contains]=${marker}`,
      `/api/scripts?draft=true&where[title][contains]=${marker}`,
      `/api/scripts/${id}?draft=true`,
      `/api/scripts/versions?where[version.title][contains]=${marker}`,
    ]) {
      const response = await anonymous.get(path)
      expect(response.status(), path).toBeLessThan(500)
      bodies.push([path, await response.text()])
    }
    const graphql = await anonymous.post('/api/graphql', {
      data: {
        query: `{ Scripts(draft: true, where: { title: { contains: "${marker}" } }) { docs { title } } }`,
      },
    })
    bodies.push(['/api/graphql', await graphql.text()])
    for (const [path, body] of bodies) expect(body, path).not.toContain(marker)
    expect((await anonymous.get(`/scripts/${marker.toLowerCase()}`)).status()).toBe(404)

    // Staff with the right scope do see it.
    const own = await request.get(`/api/scripts/${id}?draft=true`, {
      headers: { Authorization: `JWT ${editor}` },
    })
    expect(await own.text()).toContain(marker)
    await anonymous.dispose()
  })
})
