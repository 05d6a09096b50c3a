// The console talks to the server only through its public interfaces: the control plane
// (/_mock), the Integration API (/graphql) and the Checkout API (/api/checkout).

const CONTROL_TOKEN_KEY = "mockcentra.controlToken";
let apiToken = null;

function controlHeaders() {
  const token = sessionStorage.getItem(CONTROL_TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export function setControlToken(token) {
  if (token) sessionStorage.setItem(CONTROL_TOKEN_KEY, token);
  else sessionStorage.removeItem(CONTROL_TOKEN_KEY);
}

async function json(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { error: text };
  }
}

export class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** A control-plane call: `control("POST", "/reset")`. Throws ApiError with its message. */
export async function control(method, path, body) {
  const response = await fetch(`/_mock${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...controlHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await json(response);
  if (!response.ok) throw new ApiError(data.error || `HTTP ${response.status}`, response.status, data);
  return data;
}

/** The console's own Integration API token, issued through the control plane (a reset drops
 * tokens, so a refused token is issued again). Never a configured secret. */
async function token() {
  if (apiToken) return apiToken;
  const value = `console-${crypto.getRandomValues(new Uint32Array(2)).join("")}`;
  await control("POST", "/tokens", {
    token: value,
    permissions: ["*"],
    integrationName: "console",
    description: "mockcentra console",
  });
  apiToken = value;
  return apiToken;
}

/** An Integration API operation; mutations are marked as the console's actions in the journal. */
export async function gql(query, variables = {}, retried = false) {
  const isMutation = /^\s*mutation\b/.test(query);
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${await token()}`,
      "X-Mockcentra-Console": isMutation ? "action" : "read",
    },
    body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401 && !retried) {
    apiToken = null;
    return gql(query, variables, true);
  }
  const data = await json(response);
  if (data.errors && data.errors.length) {
    throw new ApiError(data.errors.map((e) => e.message).join(" "), response.status, data);
  }
  return data.data;
}

/** A mutation whose payload's userErrors become an ApiError. */
export async function mutate(query, variables, field) {
  const data = await gql(query, variables);
  const payload = data[field];
  if (payload.userErrors && payload.userErrors.length) {
    throw new ApiError(payload.userErrors.map((e) => e.message).join(" "), 200, payload);
  }
  return payload;
}

/** A Checkout API call in the session `sessionToken` (null opens one). */
export async function checkout(method, path, body, sessionToken) {
  const headers = { "Content-Type": "application/json", "X-Mockcentra-Console": "action" };
  if (sessionToken) headers["API-Token"] = sessionToken;
  const response = await fetch(`/api/checkout/${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await json(response);
  if (!response.ok) {
    const errors = data.errors ? Object.values(data.errors).join(" ") : `HTTP ${response.status}`;
    throw new ApiError(errors, response.status, data);
  }
  return data;
}
