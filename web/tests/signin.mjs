// Signing in for a test, through the header as a person would. `who` is a local user's subject ('dev-reviewer'),
// chosen in the "sign in as" picker, or a token (three dot-separated parts, e.g. minted by BrowserTests.cs), pasted
// into the folded token form.
export async function signInAs(page, who) {
  const header = page.locator('.site-header');
  const signedIn = page.getByTestId('signed-in');
  if (await signedIn.count()) await signedIn.getByRole('button', { name: /退出|Sign out/ }).click();
  await header.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  const panel = page.getByTestId('sign-in-panel');
  if (who.includes('.')) {
    await panel.getByText(/粘贴令牌|Paste a token/).click();
    const form = page.getByTestId('sign-in-form');
    await form.getByRole('textbox').fill(who);
    await form.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  } else {
    await panel.getByTestId('sign-in-picker').locator(`button[data-subject="${who}"]`).click();
  }
  await signedIn.waitFor();
}

export async function signOut(page) {
  const signedIn = page.getByTestId('signed-in');
  if (await signedIn.count()) await signedIn.getByRole('button', { name: /退出|Sign out/ }).click();
  await page.locator('.site-header').getByRole('button', { name: /^(登录|Sign in)$/ }).waitFor();
}
