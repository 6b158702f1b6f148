// All resources: subscription -> resource groups -> hubs (with their projects and connections),
// AI Services / OpenAI accounts (with deployments, Foundry projects with their agents and connections), and the other
// resources of the group (a hub's storage, key vault, ...). Read through ARM with the page's token;
// an area the principal may not read shows ARM's refusal. While anything is provisioning or being
// deleted the tree is read again every 2 seconds, so a long-running operation is seen to finish.
import { list, projectAgents, versions } from "./api.js";
import { h, replace, errorBox, stateBadge, isBusy, jsonLink, resourceGroupOf, lastSegment } from "./ui.js";

const POLL_MS = 2000;

export async function render(main) {
  const body = h("div", { id: "resource-tree" });
  const stamp = h("span", { class: "muted", "aria-live": "polite" });
  replace(
    main,
    h("div", { class: "view-head" }, h("h1", {}, "All resources"), stamp),
    h("p", { class: "muted" }, "Everything this principal may read, as ARM returns it. Each item links to its JSON and its role assignments."),
    body,
  );
  let timer = null;
  let stopped = false;
  async function load() {
    const { nodes, busy } = await readTree();
    if (stopped) return;
    replace(body, nodes);
    stamp.textContent = busy ? "Operations in progress: refreshing…" : `Read at ${new Date().toLocaleTimeString()}`;
    body.dataset.busy = busy ? "true" : "false";
    if (busy) timer = setTimeout(() => load().catch(() => {}), POLL_MS);
  }
  await load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// Resolves to the value, or to {error} so one refused list does not hide the rest.
function attempt(promise) {
  return promise.then((value) => ({ value }), (error) => ({ error, value: [] }));
}

async function readTree() {
  let busy = false;
  const track = (state) => {
    if (isBusy(state)) busy = true;
    return stateBadge(state);
  };
  const subscriptions = await list(`/subscriptions?api-version=${versions.subscriptions}`);
  const nodes = [];
  for (const subscription of subscriptions) {
    nodes.push(await subscriptionNode(subscription, track));
  }
  if (!subscriptions.length) nodes.push(h("p", { class: "muted" }, "This principal sees no subscription."));
  return { nodes, busy };
}

async function subscriptionNode(subscription, track) {
  const s = `/subscriptions/${subscription.subscriptionId}`;
  const [groups, workspaces, accounts, others] = await Promise.all([
    attempt(list(`${s}/resourcegroups?api-version=${versions.resources}`)),
    attempt(list(`${s}/providers/Microsoft.MachineLearningServices/workspaces?api-version=${versions.ml}`)),
    attempt(list(`${s}/providers/Microsoft.CognitiveServices/accounts?api-version=${versions.cognitive}`)),
    attempt(list(`${s}/resources?api-version=${versions.resources}`)),
  ]);
  const hubNodes = await Promise.all(workspaces.value.filter((w) => !isProject(w)).map((hub) => hubNode(hub, workspaces.value, track)));
  const orphanProjects = workspaces.value.filter((w) => isProject(w) && !workspaces.value.some((hub) => sameId(hub.id, hubOf(w))));
  const projectNodes = await Promise.all(orphanProjects.map((p) => mlProjectNode(p, track)));
  const accountNodes = await Promise.all(accounts.value.map((account) => accountNode(account, track)));

  // Group everything by resource group, keeping ARM's list order.
  const byGroup = new Map();
  const groupKey = (name) => name.toLowerCase();
  for (const group of groups.value) byGroup.set(groupKey(group.name), { group, items: [] });
  const place = (id, node) => {
    const name = resourceGroupOf(id);
    if (!byGroup.has(groupKey(name))) byGroup.set(groupKey(name), { group: { name, id: `${s}/resourceGroups/${name}` }, items: [] });
    byGroup.get(groupKey(name)).items.push(node);
  };
  workspaces.value.filter((w) => !isProject(w)).forEach((hub, i) => place(hub.id, hubNodes[i]));
  orphanProjects.forEach((p, i) => place(p.id, projectNodes[i]));
  accounts.value.forEach((a, i) => place(a.id, accountNodes[i]));
  const shown = /microsoft\.(machinelearningservices\/workspaces|cognitiveservices\/accounts)$/i;
  for (const other of others.value.filter((r) => !shown.test(r.type))) {
    place(other.id, item(dependentLabel(other.type), other, track, [["type", other.type], ["location", other.location]], versionFor(other.type)));
  }

  const errors = [
    [groups, "Resource groups"],
    [workspaces, "Hubs and projects (Microsoft.MachineLearningServices)"],
    [accounts, "Accounts (Microsoft.CognitiveServices)"],
    [others, "Other resources"],
  ]
    .filter(([result]) => result.error)
    .map(([result, what]) => errorBox(result.error, what));

  const groupNodes = [...byGroup.values()].map(({ group, items }) =>
    h(
      "li",
      { class: "node group", "data-id": group.id },
      h(
        "div",
        { class: "node-head" },
        h("span", { class: "type" }, "Resource group"),
        h("strong", { class: "name" }, group.name),
        group.location ? h("span", { class: "muted" }, group.location) : null,
        track(group.properties && group.properties.provisioningState),
        h("span", { class: "links" }, jsonLink(group.id, versions.resources), rolesLink(group.id)),
      ),
      items.length ? h("ul", { class: "tree" }, items) : h("p", { class: "muted indent" }, "No resources this principal can see."),
    ),
  );
  return h(
    "section",
    { class: "subscription", "aria-label": `Subscription ${subscription.displayName}` },
    h(
      "div",
      { class: "node-head sub-head" },
      h("span", { class: "type" }, "Subscription"),
      h("strong", { class: "name" }, subscription.displayName || subscription.subscriptionId),
      h("span", { class: "muted mono" }, subscription.subscriptionId),
      h("span", { class: "links" }, rolesLink(s)),
    ),
    errors,
    h("ul", { class: "tree" }, groupNodes),
  );
}

function isProject(workspace) {
  return String(workspace.kind || "").toLowerCase() === "project";
}

function hubOf(project) {
  return (project.properties && project.properties.hubResourceId) || "";
}

function sameId(a, b) {
  return String(a || "").toLowerCase() === String(b || "").toLowerCase();
}

// The resources a hub depends on, by their usual names; anything else by its type's last segment.
function dependentLabel(type) {
  const names = {
    "microsoft.storage/storageaccounts": "Storage account",
    "microsoft.keyvault/vaults": "Key vault",
    "microsoft.containerregistry/registries": "Container registry",
    "microsoft.insights/components": "Application Insights",
    "microsoft.operationalinsights/workspaces": "Log Analytics",
  };
  return names[String(type || "").toLowerCase()] || lastSegment(type);
}

function versionFor(type) {
  const t = String(type || "").toLowerCase();
  if (t.startsWith("microsoft.cognitiveservices")) return versions.cognitive;
  if (t.startsWith("microsoft.machinelearningservices")) return versions.ml;
  if (t.startsWith("microsoft.storage")) return "2023-05-01";
  if (t.startsWith("microsoft.keyvault")) return "2023-07-01";
  if (t.startsWith("microsoft.containerregistry")) return "2023-07-01";
  if (t.startsWith("microsoft.insights")) return "2020-02-02";
  if (t.startsWith("microsoft.operationalinsights")) return "2022-10-01";
  return versions.resources;
}

function rolesLink(id) {
  return h("a", { href: "#/roles?" + new URLSearchParams({ scope: id }), "aria-label": `Role assignments of ${lastSegment(id)}` }, "Roles");
}

// One resource: type, name, provisioning state, key properties, links, children.
function item(typeLabel, resource, track, properties, apiVersion, children = []) {
  const props = properties.filter(([, value]) => value !== undefined && value !== null && value !== "");
  return h(
    "li",
    { class: "node", "data-id": resource.id, "data-type": typeLabel },
    h(
      "div",
      { class: "node-head" },
      h("span", { class: "type" }, typeLabel),
      h("strong", { class: "name" }, resource.name),
      track(resource.properties && resource.properties.provisioningState),
      h("span", { class: "links" }, jsonLink(resource.id, apiVersion), rolesLink(resource.id)),
    ),
    props.length ? h("dl", { class: "props" }, props.map(([name, value]) => h("div", { class: "prop" }, h("dt", {}, name), h("dd", {}, String(value))))) : null,
    children.length ? h("ul", { class: "tree" }, children) : null,
  );
}

async function children(path, apiVersion) {
  return attempt(list(`${path}?api-version=${apiVersion}`));
}

function listFailure(result, what) {
  return result.error ? [h("li", { class: "node" }, errorBox(result.error, what))] : [];
}

function connectionNode(connection, track, apiVersion, owner) {
  const p = connection.properties || {};
  const shared = p.isSharedToAll === undefined ? undefined : p.isSharedToAll ? "shared to all projects" : "this workspace only";
  return item(
    "Connection",
    connection,
    track,
    [["category", p.category], ["target", p.target], ["auth", p.authType], ["sharing", owner === "hub" ? shared : undefined]],
    apiVersion,
  );
}

async function hubNode(hub, workspaces, track) {
  const p = hub.properties || {};
  const connections = await children(`${hub.id}/connections`, versions.ml);
  const projects = workspaces.filter((w) => isProject(w) && sameId(hubOf(w), hub.id));
  const projectNodes = await Promise.all(projects.map((project) => mlProjectNode(project, track)));
  return item(
    hub.kind === "Hub" || String(hub.kind).toLowerCase() === "hub" ? "Hub" : `Workspace (${hub.kind || "Default"})`,
    hub,
    track,
    [
      ["location", hub.location],
      ["storage", p.storageAccount && lastSegment(p.storageAccount)],
      ["key vault", p.keyVault && lastSegment(p.keyVault)],
      ["projects", projects.length],
    ],
    versions.ml,
    [...projectNodes, ...connections.value.map((c) => connectionNode(c, track, versions.ml, "hub")), ...listFailure(connections, "Connections")],
  );
}

async function mlProjectNode(project, track) {
  const connections = await children(`${project.id}/connections`, versions.ml);
  return item(
    "Hub project",
    project,
    track,
    [["location", project.location], ["hub", lastSegment(hubOf(project))]],
    versions.ml,
    [...connections.value.map((c) => connectionNode(c, track, versions.ml, "project")), ...listFailure(connections, "Connections")],
  );
}

// An agent of a Foundry project (the agent service's data, not an ARM resource: no JSON or roles link).
function agentNode(agent) {
  const latest = (agent.versions && agent.versions.latest) || {};
  const definition = latest.definition || {};
  const props = [["version", latest.version], ["model", definition.model], ["state", agent.state]].filter(([, value]) => value);
  return h(
    "li",
    { class: "node", "data-type": "Agent", "data-agent": agent.name },
    h("div", { class: "node-head" }, h("span", { class: "type" }, "Agent"), h("strong", { class: "name" }, agent.name)),
    h("dl", { class: "props" }, props.map(([name, value]) => h("div", { class: "prop" }, h("dt", {}, name), h("dd", {}, String(value))))),
  );
}

async function accountNode(account, track) {
  const p = account.properties || {};
  const v = versions.cognitive;
  const isServices = String(account.kind || "").toLowerCase() === "aiservices";
  const [deployments, projects, connections] = await Promise.all([
    children(`${account.id}/deployments`, v),
    isServices ? children(`${account.id}/projects`, v) : Promise.resolve({ value: [] }),
    isServices ? children(`${account.id}/connections`, v) : Promise.resolve({ value: [] }),
  ]);
  const projectNodes = await Promise.all(
    projects.value.map(async (project) => {
      const [projectConnections, agents] = await Promise.all([children(`${project.id}/connections`, v), attempt(projectAgents(project))]);
      return item(
        "Foundry project",
        project,
        track,
        [["location", project.location], ["display name", project.properties && project.properties.displayName]],
        v,
        [
          ...agents.value.map(agentNode),
          ...listFailure(agents, "Agents"),
          ...projectConnections.value.map((c) => connectionNode(c, track, v, "project")),
          ...listFailure(projectConnections, "Connections"),
        ],
      );
    }),
  );
  const deploymentNodes = deployments.value.map((d) => {
    const model = (d.properties && d.properties.model) || {};
    return item(
      "Deployment",
      d,
      track,
      [
        ["model", [model.format, model.name, model.version].filter(Boolean).join(" ")],
        ["sku", d.sku && d.sku.name],
        ["capacity", d.sku && d.sku.capacity],
      ],
      v,
    );
  });
  return item(
    account.kind === "OpenAI" ? "Azure OpenAI" : account.kind === "AIServices" ? "AI Services" : `Account (${account.kind})`,
    account,
    track,
    [["location", account.location], ["sku", account.sku && account.sku.name], ["endpoint", p.endpoint]],
    v,
    [
      ...deploymentNodes,
      ...listFailure(deployments, "Deployments"),
      ...projectNodes,
      ...listFailure(projects, "Projects"),
      ...connections.value.map((c) => connectionNode(c, track, v, "account")),
      ...listFailure(connections, "Connections"),
    ],
  );
}

