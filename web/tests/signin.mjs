// Signing in for a test: today by pasting a development token into the header's form. Kept in this one function
// so that the tests switch to the sign-in picker by changing it alone.
export async function signInAs(page, token) {
  const header = page.locator('.site-header');
  const signedIn = page.getByTestId('signed-in');
  if (await signedIn.count()) await signedIn.getByRole('button', { name: /退出|Sign out/ }).click();
  await header.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  const form = page.getByTestId('sign-in-form');
  await form.getByRole('textbox').fill(token);
  await form.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await signedIn.waitFor();
}

export async function signOut(page) {
  const signedIn = page.getByTestId('signed-in');
  if (await signedIn.count()) await signedIn.getByRole('button', { name: /退出|Sign out/ }).click();
  await page.locator('.site-header').getByRole('button', { name: /^(登录|Sign in)$/ }).waitFor();
}
