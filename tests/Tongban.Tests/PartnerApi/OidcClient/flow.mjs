// A partner's server written with openid-client (a certified OpenID Connect relying party), driven step by step by
// OidcClientBrowserTests: the test plays the resident's browser in between. State is kept in a JSON file, as a
// partner keeps it in its session. Each step prints one JSON line.
//
//   node flow.mjs start  <state.json> <issuer> <client id> <secret> <redirect uri>   -> { authorizationUrl }
//   node flow.mjs finish <state.json> <callback url>                                -> tokens, her cases, refresh, revocation
//   node flow.mjs call   <state.json>                                               -> { status, challenge } of her cases with the last access token
import { readFileSync, writeFileSync } from 'node:fs';
import * as client from 'openid-client';

const [step, stateFile, ...rest] = process.argv.slice(2);
const saved = () => JSON.parse(readFileSync(stateFile, 'utf8'));
const save = (state) => writeFileSync(stateFile, JSON.stringify(state));

// The test server speaks plain HTTP on 127.0.0.1; a real partner would never allow this.
const configure = async ({ issuer, clientId, secret }) =>
  client.discovery(new URL(issuer), clientId, secret, undefined, { execute: [client.allowInsecureRequests] });

const herCases = async (config, state, accessToken) => {
  try {
    const response = await client.fetchProtectedResource(config, accessToken, new URL('/api/v1/me/cases', state.issuer), 'GET');
    return { status: response.status, body: response.ok ? await response.json() : await response.text() };
  } catch (error) {
    // A refused token: the library reads the server's WWW-Authenticate challenge (RFC 6750).
    if (!(error instanceof client.WWWAuthenticateChallengeError)) throw error;
    return { status: error.response.status, challenge: error.cause[0]?.parameters?.error ?? null };
  }
};

const failure = async (action) => {
  try {
    await action();
    return null;
  } catch (error) {
    return error.error ?? error.code ?? String(error);
  }
};

if (step === 'start') {
  const [issuer, clientId, secret, redirectUri] = rest;
  const state = { issuer, clientId, secret, redirectUri, verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
  const config = await configure(state);
  const authorizationUrl = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid offline_access cases.read applications.write',
    code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
    code_challenge_method: 'S256',
    state: state.state,
    nonce: state.nonce,
  });
  save(state);
  console.log(JSON.stringify({ authorizationUrl: authorizationUrl.href, signingAlgorithms: config.serverMetadata().id_token_signing_alg_values_supported }));
} else if (step === 'finish') {
  const state = saved();
  const config = await configure(state);
  const tokens = await client.authorizationCodeGrant(config, new URL(rest[0]), {
    pkceCodeVerifier: state.verifier,
    expectedState: state.state,
    expectedNonce: state.nonce,
    idTokenExpected: true,
  });
  const firstCall = await herCases(config, state, tokens.access_token);
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  const afterRefresh = await herCases(config, state, refreshed.access_token);
  // The partner gives up the new refresh token (RFC 7009); it cannot be used after that.
  await client.tokenRevocation(config, refreshed.refresh_token, { token_type_hint: 'refresh_token' });
  const revokedRefreshError = await failure(() => client.refreshTokenGrant(config, refreshed.refresh_token));
  save({ ...state, accessToken: refreshed.access_token });
  console.log(JSON.stringify({
    subject: tokens.claims()?.sub ?? null,
    grantedScope: tokens.scope,
    firstCall,
    afterRefresh,
    revokedRefreshError,
  }));
} else if (step === 'call') {
  const state = saved();
  const config = await configure(state);
  const { status, challenge } = await herCases(config, state, state.accessToken);
  console.log(JSON.stringify({ status, challenge }));
} else {
  console.error(`unknown step ${step}`);
  process.exit(2);
}
