// Development sign-in through the API's local signer (src/OpenAid.Api/Access/DevSignIn.cs): GET /dev/users lists the
// people holding active grants, POST /dev/sign-in mints a token for one. Both answer 404 where the local signer does
// not run. The API words its refusals in English, so callers get a status, never the API's sentence, and word it in
// the page's language.

/** One grant of a person the picker lists, with the names of its region and organisation. */
export interface DevUserGrant {
  role: string;
  region: string | null;
  regionName: string | null;
  organization: string | null;
  organizationName: string | null;
}

export interface DevUser {
  subject: string;
  name: string | null;
  grants: DevUserGrant[];
}

/** What went wrong: the HTTP status, or 0 when the server could not be reached or answered something unreadable. */
export type DevFailure = { ok: false; status: number };

export async function listDevUsers(signal?: AbortSignal): Promise<{ ok: true; users: DevUser[] } | DevFailure> {
  try {
    const response = await fetch('/dev/users', { headers: { accept: 'application/json' }, cache: 'no-store', signal });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, users: (await response.json()) as DevUser[] };
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, status: 0 };
  }
}

export async function devSignIn(subject: string): Promise<{ ok: true; token: string } | DevFailure> {
  try {
    const response = await fetch('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      cache: 'no-store',
      body: JSON.stringify({ subject }),
    });
    if (!response.ok) return { ok: false, status: response.status };
    const { token } = (await response.json()) as { token: string; expires: string };
    return { ok: true, token };
  } catch {
    return { ok: false, status: 0 };
  }
}
