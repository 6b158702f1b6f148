// The shell: hash routes (#/resources, #/quota, #/roles, #/activity, #/connections, #/json?id=...), the signed-in
// principal and the sign-out button. Each view is a module exporting `render(main, params)`, which may
// return a cleanup function (timers of auto-refresh and polling stop when the view is left).
import { arm, currentSession, signOut } from "./api.js";
import { h, replace, errorBox } from "./ui.js";
import { renderSignIn } from "./signin.js";
import * as resources from "./resources.js";
import * as quota from "./quota.js";
import * as roles from "./roles.js";
import * as activity from "./activity.js";
import * as connections from "./connections.js";

const views = { resources, quota, roles, activity, connections, json: { render: renderJSON } };
const titles = { resources: "All resources", quota: "Quota", roles: "Users and roles", activity: "Activity log", connections: "Connections audit", json: "Resource JSON" };
let cleanup = null;

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [name, query] = hash.split("?");
  return { name: name || "resources", params: new URLSearchParams(query || "") };
}

// Each navigation renders into a fresh element; a render that finishes after a newer navigation
// (a slow ARM read) is discarded and its timers stopped, so it can never overwrite the current view.
let generation = 0;

async function show() {
  const mine = ++generation;
  if (cleanup) cleanup();
  cleanup = null;
  const main = document.getElementById("main");
  const nav = document.getElementById("nav");
  const who = document.getElementById("who");
  const container = h("div", { class: "view" }, h("p", { class: "muted" }, "Loading…"));
  main.dataset.ready = "";
  replace(main, container);
  const session = currentSession();
  if (!session) {
    nav.hidden = true;
    replace(who);
    document.title = "Sign in · Management center";
    await renderSignIn(container, () => show());
    if (mine === generation) main.dataset.ready = "signin";
    return;
  }
  nav.hidden = false;
  replace(
    who,
    h("span", { class: "who-name", title: session.objectId }, session.label),
    h("button", { type: "button", class: "link", onclick: () => { signOut(); location.hash = "#/resources"; show(); } }, "Switch principal"),
  );
  const { name, params } = route();
  const view = views[name] || resources;
  for (const link of nav.querySelectorAll("a")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = `${titles[name] || titles.resources} · Management center`;
  let stop = null;
  try {
    stop = (await view.render(container, params)) || null;
  } catch (error) {
    replace(container, errorBox(error, titles[name]));
  }
  if (mine !== generation) {
    if (stop) stop();
    return;
  }
  cleanup = stop;
  main.dataset.ready = name;
}

async function renderJSON(main, params) {
  const id = params.get("id") || "";
  const body = await arm("GET", `${id}?api-version=${encodeURIComponent(params.get("v") || "2021-04-01")}`);
  replace(
    main,
    h("h1", {}, id.split("/").pop()),
    h("p", { class: "muted mono" }, id),
    h("p", {}, h("a", { href: "#/resources", onclick: (event) => { event.preventDefault(); history.back(); } }, "← Back")),
    h("pre", { class: "json", tabindex: "0", "aria-label": "Resource JSON" }, JSON.stringify(body, null, 2)),
  );
}

window.addEventListener("hashchange", show);
show();
