// Connections audit: every connection of every hub and project, as the Foundry docs describe them:
// for each resource group, the Microsoft.MachineLearningServices workspaces of kind Hub and Project
// and their `connections`, and the Microsoft.CognitiveServices accounts' `connections` and their
// Foundry projects' `connections`. One table (name, category, target, auth type, shared to all or
// not, owner; a hub's shared connection is listed once, under the hub) with a text filter, a category filter and an owner filter, applied in the page.
// Only those fields are read from a connection: credentials are never shown. A list the principal
// may not read shows ARM's refusal (AuthorizationFailed) and the rest is still listed.
import { list, versions } from "./api.js";
import { h, replace, errorBox, table, lastSegment } from "./ui.js";

export async function render(main) {
  const subscriptions = await list(`/subscriptions?api-version=${versions.subscriptions}`);
  const errors = [];
  const connections = [];
  for (const subscription of subscriptions) {
    const found = await readSubscription(`/subscriptions/${subscription.subscriptionId}`, errors);
    connections.push(...found);
  }

  const text = h("input", { id: "conn-filter", type: "search", placeholder: "name, target, auth, owner", spellcheck: "false" });
  const category = h(
    "select",
    { id: "conn-category" },
    h("option", { value: "" }, "All"),
    distinct(connections.map((c) => c.category)).map((value) => h("option", { value }, value)),
  );
  const owner = h(
    "select",
    { id: "conn-owner" },
    h("option", { value: "" }, "All"),
    distinct(connections.map((c) => c.ownerId)).map((id) => h("option", { value: id }, ownerLabel(connections.find((c) => c.ownerId === id)))),
  );
  const count = h("span", { class: "muted", id: "conn-count", "aria-live": "polite" });
  const body = h("div", { id: "conn-body" });

  function apply() {
    const needle = text.value.trim().toLowerCase();
    const shown = connections.filter(
      (c) =>
        (!category.value || c.category === category.value) &&
        (!owner.value || c.ownerId === owner.value) &&
        (!needle || [c.name, c.category, c.target, c.authType, c.ownerName, c.ownerKind].some((v) => String(v).toLowerCase().includes(needle))),
    );
    replace(body, connectionsTable(shown));
    count.textContent = `${shown.length} of ${connections.length} connections`;
  }
  text.addEventListener("input", apply);
  category.addEventListener("change", apply);
  owner.addEventListener("change", apply);

  replace(
    main,
    h("div", { class: "view-head" }, h("h1", {}, "Connections audit"), count),
    h("p", { class: "muted" }, "Every connection of every hub, hub project, AI Services account and Foundry project this principal may read. Credentials are never shown."),
    subscriptions.length ? null : h("p", { class: "muted" }, "This principal sees no subscription."),
    errors,
    h(
      "form",
      { class: "filters", id: "conn-filters", role: "search", onsubmit: (event) => event.preventDefault() },
      field("conn-filter", "Filter", text),
      field("conn-category", "Category", category),
      field("conn-owner", "Owner", owner),
    ),
    body,
  );
  apply();
}

function field(id, label, control) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

function distinct(values) {
  return [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

function ownerLabel(connection) {
  return `${connection.ownerKind} ${connection.ownerName}`;
}

// A list, or [] after recording ARM's refusal (so one denied read does not hide the rest).
async function attempt(path, what, errors) {
  try {
    return await list(path);
  } catch (error) {
    errors.push(errorBox(error, what));
    return [];
  }
}

async function readSubscription(s, errors) {
  const groups = await attempt(`${s}/resourcegroups?api-version=${versions.resources}`, "Resource groups", errors);
  const perGroup = await Promise.all(groups.map((group) => readGroup(group, errors)));
  return perGroup.flat();
}

async function readGroup(group, errors) {
  const g = group.id;
  const [workspaces, accounts] = await Promise.all([
    attempt(`${g}/providers/Microsoft.MachineLearningServices/workspaces?api-version=${versions.ml}`, `Hubs and projects in ${group.name}`, errors),
    attempt(`${g}/providers/Microsoft.CognitiveServices/accounts?api-version=${versions.cognitive}`, `Accounts in ${group.name}`, errors),
  ]);
  const owners = [];
  for (const workspace of workspaces) {
    const kind = String(workspace.kind || "").toLowerCase();
    if (kind === "hub") owners.push({ resource: workspace, kind: "Hub", project: false, version: versions.ml });
    else if (kind === "project") owners.push({ resource: workspace, kind: "Hub project", project: true, version: versions.ml });
  }
  const accountProjects = await Promise.all(
    accounts.map(async (account) => {
      const kind = account.kind === "AIServices" ? "AI Services" : account.kind === "OpenAI" ? "Azure OpenAI" : `Account (${account.kind})`;
      const mine = [{ resource: account, kind, project: false, version: versions.cognitive }];
      if (String(account.kind || "").toLowerCase() !== "aiservices") return mine;
      const projects = await attempt(`${account.id}/projects?api-version=${versions.cognitive}`, `Projects of ${account.name}`, errors);
      return mine.concat(projects.map((project) => ({ resource: project, kind: "Foundry project", project: true, version: versions.cognitive })));
    }),
  );
  owners.push(...accountProjects.flat());
  const lists = await Promise.all(
    owners.map((o) => attempt(`${o.resource.id}/connections?api-version=${o.version}`, `Connections of ${lastSegment(o.resource.id)}`, errors)),
  );
  // A hub project's list also holds its hub's shared connections, with the hub's id: each
  // connection is listed once, under the resource its id names.
  const byId = new Map(owners.map((o) => [o.resource.id.toLowerCase(), o]));
  const seen = new Map();
  owners.forEach((listedBy, i) => {
    for (const connection of lists[i]) {
      const key = String(connection.id || "").toLowerCase();
      if (seen.has(key)) continue;
      const at = key.lastIndexOf("/connections/");
      seen.set(key, describe(connection, byId.get(at < 0 ? "" : key.slice(0, at)) || listedBy));
    }
  });
  return [...seen.values()];
}

// The audited fields only; properties.credentials is deliberately never read.
function describe(connection, owner) {
  const p = connection.properties || {};
  return {
    id: connection.id,
    name: connection.name,
    category: p.category || "",
    target: p.target || "",
    authType: p.authType || "",
    sharedToAll: sharedToAll(p.isSharedToAll, owner),
    ownerId: owner.resource.id,
    ownerName: lastSegment(owner.resource.id),
    ownerKind: owner.kind,
    ownerIsProject: owner.project,
  };
}

// A project's own connection is project-only. A hub shares a connection with all its projects unless
// isSharedToAll is false (the ML provider's rule, docs/hubs-and-projects.md); an account's
// connection is shared when isSharedToAll is true.
function sharedToAll(flag, owner) {
  if (owner.project) return false;
  return owner.kind === "Hub" ? flag !== false : flag === true;
}

function sharing(c) {
  if (c.sharedToAll) return h("span", { class: "badge ok" }, "Shared to all");
  if (c.ownerIsProject) return h("span", { class: "badge" }, "Project-only");
  return h("span", { class: "badge" }, `${c.ownerKind} only`);
}

function connectionsTable(connections) {
  const rows = connections.map((c) => {
    const tr = h(
      "tr",
      { "data-connection": c.id, "data-shared": c.sharedToAll ? "true" : "false", "data-owner": c.ownerId },
      h("td", {}, h("strong", { class: "conn-name" }, c.name)),
      h("td", {}, c.category),
      h("td", {}, h("span", { class: "mono conn-target" }, c.target)),
      h("td", {}, c.authType),
      h("td", {}, sharing(c)),
      h("td", {}, h("span", { class: "conn-owner" }, h("span", { class: "type" }, c.ownerKind), " ", h("span", { title: c.ownerId }, c.ownerName))),
    );
    return tr;
  });
  return table(["Name", "Category", "Target", "Auth type", "Sharing", "Owner"], rows);
}
