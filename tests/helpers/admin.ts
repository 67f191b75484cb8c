import { expect, type APIRequestContext, type Page } from '@playwright/test'

import { DEMO_PASSWORD } from '../../src/seed/content/county'

/** Signs a demo account in through the admin's login form. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('电子邮件').fill(email)
  await page.getByLabel('密码').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  // Logging in hashes the password (PBKDF2): allow for a busy machine.
  await expect(page).not.toHaveURL(/\/admin\/login/, { timeout: 15_000 })
}

/**
 * Opens an admin list and waits until Payload's list has written its query into the address
 * (`ListQueryProvider`: `history.replaceState` once the list is drawn, adding depth, sort and page
 * size even to `?limit=100`). Next.js's router takes that as a navigation, which supersedes a click
 * made just before: a row link or the select-all box clicked in that instant is lost.
 */
export async function openList(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await expect(page).toHaveURL(/[?&]depth=\d+/)
}

/** A REST token for a demo account. */
export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/users/login', {
    data: { email, password: DEMO_PASSWORD },
  })
  expect(login.status()).toBe(200)
  return (await login.json()).token
}

/** GET a REST path as a signed-in account. */
export async function getAs<T = Record<string, unknown>>(
  request: APIRequestContext,
  path: string,
  token: string,
): Promise<T> {
  const response = await request.get(path, { headers: { Authorization: `JWT ${token}` } })
  expect(response.status(), path).toBe(200)
  return (await response.json()) as T
}

/**
 * Records every toast, field error and alert the admin shows on the page, across navigations,
 * so a test can scan all of them (a toast may be gone before the test looks).
 */
export async function recordMessages(page: Page): Promise<string[]> {
  const seen: string[] = []
  await page.exposeFunction('__reportMessage', (text: string) => {
    if (!seen.includes(text)) seen.push(text)
  })
  await page.addInitScript(() => {
    const report = (window as unknown as { __reportMessage: (text: string) => void })
      .__reportMessage
    const selector = '[data-sonner-toast], .field-error, .tooltip-content, [role="alert"]'
    const collect = () => {
      for (const element of document.querySelectorAll<HTMLElement>(selector)) {
        const text = element.innerText?.trim()
        if (text) report(text)
      }
    }
    new MutationObserver(collect).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    })
  })
  return seen
}
