// Quota: per region and model, limit / used / free from the Cognitive Services `usages` of every
// region that has an account (ARM, the page's token), and each deployment with its capacity and,
// when the operator API answers (loopback), its live data-plane request and token counters.
import { list, versions, dataPlaneUsage } from "./api.js";
import { h, replace, errorBox, table, row, stateBadge, resourceGroupOf } from "./ui.js";

export async function render(main) {
  const body = h("div");
  replace(
    main,
    h("div", { class: "view-head" }, h("h1", {}, "Quota"), h("button", { type: "button", id: "quota-refresh", onclick: () => load() }, "Refresh")),
    body,
  );
  async function load() {
    replace(body, await readQuota());
  }
  await load();
}

async function readQuota() {
  const subscriptions = await list(`/subscriptions?api-version=${versions.subscriptions}`);
  const parts = [];
  for (const subscription of subscriptions) {
    const s = `/subscriptions/${subscription.subscriptionId}`;
    let accounts = [];
    try {
      accounts = await list(`${s}/providers/Microsoft.CognitiveServices/accounts?api-version=${versions.cognitive}`);
    } catch (error) {
      parts.push(errorBox(error, "Accounts"));
    }
    const regions = [...new Set(accounts.map((a) => String(a.location || "").toLowerCase()).filter(Boolean))].sort();
    parts.push(h("h2", {}, `Model quota · ${subscription.displayName || subscription.subscriptionId}`));
    if (!regions.length) parts.push(h("p", { class: "muted" }, "No account yet, so no region to show: create an account to see its region's quota."));
    for (const region of regions) {
      try {
        const usages = await list(`${s}/providers/Microsoft.CognitiveServices/locations/${region}/usages?api-version=${versions.usages}`);
        parts.push(usageTable(region, usages));
      } catch (error) {
        parts.push(errorBox(error, `Usages in ${region}`));
      }
    }
    parts.push(h("h2", {}, "Deployments"));
    parts.push(await deploymentTable(accounts));
  }
  return parts;
}

function usageTable(region, usages) {
  // Rows with a limit or some use; a region lists every model of the catalog, most unused.
  const rows = usages
    .filter((u) => Number(u.limit) > 0 || Number(u.currentValue) > 0)
    .sort((a, b) => Number(b.currentValue) - Number(a.currentValue) || String(a.name.value).localeCompare(String(b.name.value)))
    .map((usage) => {
      const limit = Number(usage.limit) || 0;
      const used = Number(usage.currentValue) || 0;
      const free = Math.max(limit - used, 0);
      const share = limit > 0 ? Math.min(used / limit, 1) : used > 0 ? 1 : 0;
      const fill = h("span", { class: "bar-fill" + (share >= 0.9 ? " high" : "") });
      fill.style.width = `${(share * 100).toFixed(1)}%`;
      const tr = row(
        h("span", {}, usage.name.localizedValue || usage.name.value, h("br"), h("span", { class: "muted mono" }, usage.name.value)),
        h("span", { class: "num" }, limit.toLocaleString()),
        h("span", { class: "num" }, used.toLocaleString()),
        h("span", { class: "num" }, free.toLocaleString()),
        h("span", { class: "bar", role: "img", "aria-label": `${Math.round(share * 100)}% used` }, fill),
      );
      tr.dataset.usage = usage.name.value;
      return tr;
    });
  return h(
    "section",
    { class: "quota-region", "data-region": region },
    table(["Model (usage name)", "Limit", "Used", "Free", "Use"], rows, `${region} · ${usages[0] ? usages[0].unit || "" : ""}`),
  );
}

async function deploymentTable(accounts) {
  const counters = await dataPlaneUsage();
  const byId = new Map((counters || []).map((c) => [String(c.deploymentId).toLowerCase(), c]));
  const rows = [];
  const failures = [];
  await Promise.all(
    accounts.map(async (account) => {
      try {
        const deployments = await list(`${account.id}/deployments?api-version=${versions.cognitive}`);
        for (const d of deployments) rows.push({ account, d });
      } catch (error) {
        failures.push(errorBox(error, `Deployments of ${account.name}`));
      }
    }),
  );
  rows.sort((a, b) => a.d.id.localeCompare(b.d.id));
  const headers = ["Deployment", "Account", "Model", "SKU", "Capacity", "State"];
  if (counters) headers.push("Requests", "Throttled", "Tokens");
  const body = rows.map(({ account, d }) => {
    const model = (d.properties && d.properties.model) || {};
    const c = byId.get(d.id.toLowerCase()) || {};
    const cells = [
      d.name,
      h("span", { title: account.id }, `${account.name} (${resourceGroupOf(account.id)})`),
      [model.name, model.version].filter(Boolean).join(" "),
      d.sku && d.sku.name,
      h("span", { class: "num" }, d.sku ? d.sku.capacity : ""),
      stateBadge(d.properties && d.properties.provisioningState),
    ];
    if (counters) cells.push(h("span", { class: "num" }, c.requests || 0), h("span", { class: "num" }, c.throttled || 0), h("span", { class: "num" }, c.totalTokens || 0));
    const tr = row(...cells);
    tr.dataset.deployment = d.id;
    return tr;
  });
  return [
    failures,
    table(headers, body),
    h(
      "p",
      { class: "muted" },
      counters
        ? "Requests and tokens: live data-plane counters from the operator API (GET /_emulator/dataplane/usage)."
        : "Live request and token counters need the operator API, which answers on loopback only.",
    ),
  ];
}
