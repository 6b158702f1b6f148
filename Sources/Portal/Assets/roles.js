// Users and roles: the role assignments of each subscription (at and below it), by scope, principal
// and role, with conditions; role names come from roleDefinitions and principal names from
// Graph-lite, all with the page's own token. Adding and removing an assignment is a PUT / DELETE
// through ARM, so only a principal allowed Microsoft.Authorization/roleAssignments/write can do it;
// anyone else sees ARM's AuthorizationFailed message.
import { arm, list, versions } from "./api.js";
import { h, replace, errorBox, table, row, lastSegment } from "./ui.js";

const V = versions.authorization;

export async function render(main, params) {
  const scopeFilter = params.get("scope") || "";
  const status = h("div", { id: "roles-status", "aria-live": "polite" });
  const body = h("div");
  replace(main, h("div", { class: "view-head" }, h("h1", {}, "Users and roles")), status, body);

  async function load() {
    replace(body, await readRoles(scopeFilter, status, load));
  }
  await load();
}

async function readRoles(scopeFilter, status, reload) {
  const subscriptions = await list(`/subscriptions?api-version=${versions.subscriptions}`);
  const parts = [];
  for (const subscription of subscriptions) {
    const s = `/subscriptions/${subscription.subscriptionId}`;
    const [assignments, definitions] = await Promise.all([
      list(`${s}/providers/Microsoft.Authorization/roleAssignments?api-version=${V}`).catch((error) => ({ error })),
      list(`${s}/providers/Microsoft.Authorization/roleDefinitions?api-version=${V}`).catch(() => []),
    ]);
    const roleNames = new Map(definitions.map((d) => [lastSegment(d.id).toLowerCase(), d.properties.roleName]));
    parts.push(h("h2", {}, `Role assignments · ${subscription.displayName || subscription.subscriptionId}`));
    if (assignments.error) {
      parts.push(errorBox(assignments.error, "Role assignments"));
      continue;
    }
    const shown = scopeFilter ? assignments.filter((a) => a.properties.scope.toLowerCase() === scopeFilter.toLowerCase()) : assignments;
    if (scopeFilter) {
      parts.push(h("p", {}, "Assignments at ", h("code", {}, scopeFilter), " · ", h("a", { href: "#/roles" }, "show all")));
    }
    const names = await principalNames(shown.map((a) => a.properties.principalId));
    shown.sort((a, b) => a.properties.scope.localeCompare(b.properties.scope) || a.properties.principalId.localeCompare(b.properties.principalId));
    const rows = shown.map((assignment) => {
      const p = assignment.properties;
      const principal = names.get(p.principalId.toLowerCase());
      const remove = h(
        "button",
        {
          type: "button",
          class: "danger small",
          "aria-label": `Remove ${roleNames.get(lastSegment(p.roleDefinitionId).toLowerCase()) || "role"} from ${principal || p.principalId} at ${p.scope}`,
          onclick: async () => {
            if (!confirm(`Remove this role assignment?\n${p.scope}`)) return;
            replace(status, h("p", { class: "muted" }, "Removing…"));
            try {
              await arm("DELETE", `${assignment.id}?api-version=${V}`);
              replace(status, h("p", { class: "ok-text" }, "Role assignment removed."));
              await reload();
            } catch (error) {
              replace(status, errorBox(error, "Remove refused"));
            }
          },
        },
        "Remove",
      );
      const tr = row(
        h("span", { class: "mono scope" }, p.scope),
        h("span", {}, principal || "", principal ? h("br") : null, h("span", { class: "muted mono" }, `${p.principalType || ""} ${p.principalId}`)),
        roleNames.get(lastSegment(p.roleDefinitionId).toLowerCase()) || lastSegment(p.roleDefinitionId),
        p.condition
          ? h("details", { class: "condition" }, h("summary", {}, `ABAC condition (v${p.conditionVersion || "2.0"})`), h("code", {}, p.condition))
          : h("span", { class: "muted" }, "none"),
        remove,
      );
      tr.dataset.assignment = assignment.name;
      return tr;
    });
    parts.push(table(["Scope", "Principal", "Role", "Condition", ""], rows));
    parts.push(await addForm(s, definitions, status, reload));
  }
  return parts;
}

// Display names through Graph-lite's directoryObjects/getByIds (any token of the tenant may ask).
async function principalNames(ids) {
  const unique = [...new Set(ids)];
  const names = new Map();
  if (!unique.length) return names;
  try {
    const body = await arm("POST", "/v1.0/directoryObjects/getByIds", { ids: unique });
    for (const object of body.value || []) {
      names.set(String(object.id).toLowerCase(), object.displayName || object.userPrincipalName || object.appId);
    }
  } catch {
    // Names are a nicety: the ids are shown either way.
  }
  return names;
}

async function addForm(subscriptionScope, definitions, status, reload) {
  const groups = await list(`${subscriptionScope}/resourcegroups?api-version=${versions.resources}`).catch(() => []);
  const [users, apps] = await Promise.all([
    arm("GET", "/v1.0/users").then((b) => b.value || []).catch(() => []),
    arm("GET", "/v1.0/servicePrincipals").then((b) => b.value || []).catch(() => []),
  ]);
  const scope = h("input", { id: "assign-scope", list: "assign-scopes", value: subscriptionScope, required: true, spellcheck: "false" });
  const scopes = h("datalist", { id: "assign-scopes" }, [subscriptionScope, ...groups.map((g) => g.id)].map((id) => h("option", { value: id })));
  const principal = h("input", { id: "assign-principal", list: "assign-principals", required: true, spellcheck: "false", placeholder: "object id" });
  const principals = h(
    "datalist",
    { id: "assign-principals" },
    users.map((u) => h("option", { value: u.id }, `${u.displayName} (User)`)),
    apps.map((a) => h("option", { value: a.id }, `${a.displayName} (ServicePrincipal)`)),
  );
  const principalType = h("select", { id: "assign-type" }, ["ServicePrincipal", "User", "Group"].map((t) => h("option", { value: t }, t)));
  const sorted = [...definitions].sort((a, b) => a.properties.roleName.localeCompare(b.properties.roleName));
  const role = h("select", { id: "assign-role", required: true }, sorted.map((d) => h("option", { value: d.id, selected: d.properties.roleName === "Reader" }, d.properties.roleName)));
  // Picking a known principal sets its type, which ARM checks against the directory.
  principal.addEventListener("change", () => {
    const id = principal.value.trim().toLowerCase();
    if (users.some((u) => u.id.toLowerCase() === id)) principalType.value = "User";
    else if (apps.some((a) => a.id.toLowerCase() === id)) principalType.value = "ServicePrincipal";
  });
  return h(
    "form",
    {
      class: "card add-assignment",
      id: "add-assignment",
      onsubmit: async (event) => {
        event.preventDefault();
        const target = scope.value.trim().replace(/\/$/, "");
        const name = newGuid();
        replace(status, h("p", { class: "muted" }, "Adding…"));
        try {
          await arm("PUT", `${target}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=${V}`, {
            properties: { roleDefinitionId: role.value, principalId: principal.value.trim(), principalType: principalType.value },
          });
          replace(status, h("p", { class: "ok-text" }, `Role assignment ${name} added.`));
          await reload();
        } catch (error) {
          replace(status, errorBox(error, "Add refused"));
        }
      },
    },
    h("h3", {}, "Add a role assignment"),
    h("div", { class: "form-grid" },
      h("label", { for: "assign-scope" }, "Scope"), scope, scopes,
      h("label", { for: "assign-principal" }, "Principal"), principal, principals,
      h("label", { for: "assign-type" }, "Principal type"), principalType,
      h("label", { for: "assign-role" }, "Role"), role,
    ),
    h("button", { type: "submit", class: "primary" }, "Add assignment"),
  );
}

// A role assignment's name is a GUID the client chooses. randomUUID needs a secure context; the
// fallback covers a page opened over plain HTTP from another machine.
function newGuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
