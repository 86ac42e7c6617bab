// Drives the simulator's selection page over plain HTTP, as a browser form would.
export async function choose(authorizeUrl, {choice, action = 'continue', simulate = 'none'} = {}) {
  const page = await fetch(authorizeUrl);
  if (page.status !== 200) return {status: page.status, location: page.headers.get('location')};
  const params = new URL(authorizeUrl).searchParams;
  const form = new URLSearchParams({
    client_id: params.get('client_id'), redirect_uri: params.get('redirect_uri'), user: params.get('user'),
    state: params.get('state') ?? '', lang: params.get('lang') ?? 'fi', action, simulate,
  });
  if (choice) form.set('choice', choice);
  const res = await fetch(new URL('/oauth/authorize', authorizeUrl), {method: 'POST', body: form, redirect: 'manual',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
  return {status: res.status, location: res.headers.get('location'), html: await res.text()};
}
