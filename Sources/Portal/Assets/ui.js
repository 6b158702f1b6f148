// DOM helpers. Everything is built with createElement and textContent, never innerHTML, so names
// and error messages from the server cannot inject markup (and the CSP forbids inline script anyway).

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

// An ARM error as the user should read it: the code, then ARM's own message.
export function errorBox(error, context) {
  return h(
    "div",
    { class: "error", role: "alert" },
    context ? h("strong", {}, context + ": ") : null,
    h("code", {}, error.code || "Error"),
    " ",
    error.message || String(error),
  );
}

const busyStates = new Set(["creating", "accepted", "deleting", "updating", "provisioning", "running", "moving"]);

export function isBusy(state) {
  return busyStates.has(String(state || "").toLowerCase());
}

export function stateBadge(state) {
  if (!state) return null;
  const lower = String(state).toLowerCase();
  const kind = isBusy(state) ? "busy" : lower === "succeeded" ? "ok" : lower === "failed" || lower === "canceled" ? "bad" : "";
  return h("span", { class: `badge ${kind}`, title: "provisioningState" }, isBusy(state) ? h("span", { class: "spinner", "aria-hidden": "true" }) : null, state);
}

export function jsonLink(id, apiVersion, text = "JSON") {
  const query = new URLSearchParams({ id, v: apiVersion });
  return h("a", { class: "json-link", href: "#/json?" + query, "aria-label": `${text} of ${lastSegment(id)}` }, text);
}

export function lastSegment(id) {
  const parts = String(id || "").split("/").filter(Boolean);
  return parts[parts.length - 1] || id;
}

// Resource group of an ARM id ("" when the id is not under one).
export function resourceGroupOf(id) {
  const match = /\/resourceGroups\/([^/]+)/i.exec(id || "");
  return match ? match[1] : "";
}

export function table(headers, rows, caption) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      {},
      caption ? h("caption", {}, caption) : null,
      h("thead", {}, h("tr", {}, headers.map((name) => h("th", { scope: "col" }, name)))),
      h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: headers.length, class: "muted" }, "Nothing to show."))),
    ),
  );
}

export function row(...cells) {
  return h("tr", {}, cells.map((cell) => h("td", {}, cell)));
}

export function formatTime(text) {
  if (!text) return "";
  const date = new Date(text);
  return isNaN(date) ? text : date.toLocaleString();
}
