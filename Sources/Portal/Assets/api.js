// The page's only way in: a token from the emulator's token service, then ARM with
// `Authorization: Bearer`, like any client. No private back door, so RBAC applies to whoever signs in.

const origin = location.origin;
// The well-known public client az uses; the password grant needs a client id.
const PUBLIC_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const KEY = "foundry-emulator-portal-session";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let session = JSON.parse(sessionStorage.getItem(KEY) || "null");
if (session && session.expiresAt < Date.now() + 60_000) session = null;

export function currentSession() {
  return session;
}

export function signOut() {
  session = null;
  sessionStorage.removeItem(KEY);
}

// GET /_emulator/info: the operator API (loopback only, or with the operator key). null when it refuses.
export async function emulatorInfo() {
  try {
    const response = await fetch("/_emulator/info", { headers: { Accept: "application/json" } });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

// kind "client": {tenant, clientId, clientSecret}; kind "user": {tenant, username, password}.
// Two tokens with the same grant: ARM's (audience this origin) and the data plane's
// (`https://ai.azure.com`, what azure-ai-projects asks for), for the projects' agent lists.
export async function signIn(kind, fields, label) {
  const body = await requestToken(kind, fields, origin + "/.default");
  const data = await requestToken(kind, fields, "https://ai.azure.com/.default").catch(() => null);
  const claims = decodeClaims(body.access_token);
  session = {
    token: body.access_token,
    dataToken: data && data.access_token,
    expiresAt: Date.now() + Number(body.expires_in || 3600) * 1000,
    label: label || claims.upn || claims.appid || "signed in",
    objectId: claims.oid,
    tenant: claims.tid,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

async function requestToken(kind, fields, scope) {
  const form = new URLSearchParams({ scope });
  if (kind === "user") {
    form.set("grant_type", "password");
    form.set("client_id", PUBLIC_CLIENT_ID);
    form.set("username", fields.username);
    form.set("password", fields.password);
  } else {
    form.set("grant_type", "client_credentials");
    form.set("client_id", fields.clientId);
    form.set("client_secret", fields.clientSecret);
  }
  const tenant = encodeURIComponent(fields.tenant || "organizations");
  const response = await fetch(`/${tenant}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: form,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.error || "SignInFailed", body.error_description || `HTTP ${response.status}`);
  }
  return body;
}

function decodeClaims(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(part));
  } catch {
    return {};
  }
}

// One ARM call. Resolves to the JSON body (null for 204); rejects with ApiError carrying ARM's
// error code and message (403 AuthorizationFailed says which action was refused).
export async function arm(method, path, body) {
  if (!session) throw new ApiError(401, "NotSignedIn", "Sign in first.");
  const headers = { Authorization: "Bearer " + session.token, Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const error = (json && (json.error || json)) || {};
    throw new ApiError(response.status, error.code || `HTTP${response.status}`, error.message || text || response.statusText);
  }
  return json;
}

// Every page of an ARM list (`value` + absolute `nextLink`), bounded so a loop cannot run away.
export async function list(path, maxPages = 20) {
  const items = [];
  let next = path;
  for (let page = 0; next && page < maxPages; page++) {
    const body = await arm("GET", next);
    items.push(...((body && body.value) || []));
    next = body && body.nextLink ? toLocal(body.nextLink) : null;
  }
  return items;
}

// nextLink is absolute; keep it on this origin whatever host name the server wrote.
function toLocal(link) {
  const url = new URL(link, origin);
  return url.pathname + url.search;
}

// A Foundry project's agents, from its project endpoint (`properties.endpoints["AI Foundry API"]`)
// with the data-plane token, as azure-ai-projects lists them: cursor pages followed with `after`,
// bounded. The agent service's refusal (401 PermissionDenied: Owner holds no data actions) rejects.
export async function projectAgents(project) {
  const endpoint = project.properties && project.properties.endpoints && project.properties.endpoints["AI Foundry API"];
  if (!endpoint) return [];
  if (!session || !session.dataToken) throw new ApiError(401, "NoDataPlaneToken", "No data-plane token for this principal.");
  const agents = [];
  let after = null;
  for (let page = 0; page < 20; page++) {
    const query = new URLSearchParams({ "api-version": "v1", limit: "100" });
    if (after) query.set("after", after);
    const response = await fetch(`${toLocal(endpoint)}/agents?${query}`, {
      headers: { Authorization: "Bearer " + session.dataToken, Accept: "application/json" },
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (json && (json.error || json)) || {};
      throw new ApiError(response.status, error.code || `HTTP${response.status}`, error.message || response.statusText);
    }
    agents.push(...((json && json.data) || []));
    if (!json || !json.has_more || !json.last_id) break;
    after = json.last_id;
  }
  return agents;
}

// The operator API's per-deployment counters: loopback only, so a page opened from another
// machine (or with --operator-key) simply goes without them.
export async function dataPlaneUsage() {
  try {
    const response = await fetch("/_emulator/dataplane/usage", { headers: { Accept: "application/json" } });
    return response.ok ? (await response.json()).value || [] : null;
  } catch {
    return null;
  }
}

export const versions = {
  resources: "2021-04-01",
  subscriptions: "2022-12-01",
  cognitive: "2025-06-01",
  usages: "2024-10-01",
  ml: "2024-10-01",
  authorization: "2022-04-01",
  activity: "2015-04-01",
};
