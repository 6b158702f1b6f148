// Activity log: Azure's management events (Microsoft.Insights eventtypes/management/values,
// api-version 2015-04-01) newest first, filtered with the service's own $filter grammar, refreshed
// every 5 seconds while the view is open. A failed operation shows its properties.statusMessage.
import { list, versions } from "./api.js";
import { h, replace, errorBox, table, row, formatTime, lastSegment } from "./ui.js";

const REFRESH_MS = 5000;
const windows = [["1h", 1], ["6h", 6], ["24h", 24], ["7 days", 168], ["90 days", 2160]];

export async function render(main, params) {
  const subscriptions = await list(`/subscriptions?api-version=${versions.subscriptions}`);
  const subscription = subscriptions[0];
  if (!subscription) {
    replace(main, h("h1", {}, "Activity log"), h("p", { class: "muted" }, "This principal sees no subscription."));
    return;
  }
  const s = `/subscriptions/${subscription.subscriptionId}`;
  const groups = await list(`${s}/resourcegroups?api-version=${versions.resources}`).catch(() => []);

  const group = h("select", { id: "filter-group" }, h("option", { value: "" }, "All"), groups.map((g) => h("option", { value: g.name }, g.name)));
  const resource = h("input", { id: "filter-resource", placeholder: "resource id", spellcheck: "false", value: params.get("resource") || "" });
  const caller = h("input", { id: "filter-caller", placeholder: "object id or user name", spellcheck: "false" });
  const status = h(
    "select",
    { id: "filter-status" },
    ["", "Started", "Accepted", "Succeeded", "Failed"].map((v) => h("option", { value: v }, v || "Any")),
  );
  const since = h("select", { id: "filter-time" }, windows.map(([label, hours]) => h("option", { value: hours, selected: hours === 24 }, `Last ${label}`)));
  const auto = h("input", { id: "filter-auto", type: "checkbox", checked: true });
  const stamp = h("span", { class: "muted", id: "activity-stamp", "aria-live": "polite" });
  const body = h("div", { id: "activity-body" });

  let timer = null;
  let stopped = false;
  async function load() {
    clearTimeout(timer);
    const filter = buildFilter({ hours: Number(since.value), group: group.value, resource: resource.value.trim(), caller: caller.value.trim(), status: status.value });
    try {
      const events = await list(`${s}/providers/microsoft.insights/eventtypes/management/values?api-version=${versions.activity}&$filter=${encodeURIComponent(filter)}`, 10);
      if (stopped) return;
      events.sort((a, b) => String(b.eventTimestamp).localeCompare(String(a.eventTimestamp)));
      replace(body, eventsTable(events));
      stamp.textContent = `${events.length} events · read at ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      if (stopped) return;
      replace(body, errorBox(error, "The activity log is not available"));
      stamp.textContent = "";
    }
    if (auto.checked && !stopped) timer = setTimeout(load, REFRESH_MS);
  }

  const form = h(
    "form",
    { class: "filters", id: "activity-filters", onsubmit: (event) => { event.preventDefault(); load(); } },
    field("filter-group", "Resource group", group),
    field("filter-resource", "Resource", resource),
    field("filter-caller", "Caller", caller),
    field("filter-status", "Status", status),
    field("filter-time", "Time", since),
    h("div", { class: "field check" }, auto, h("label", { for: "filter-auto" }, "Auto-refresh")),
    h("button", { type: "submit", class: "primary" }, "Apply"),
  );
  for (const control of [group, status, since]) control.addEventListener("change", load);
  auto.addEventListener("change", load);
  replace(main, h("div", { class: "view-head" }, h("h1", {}, "Activity log"), stamp), form, body);
  await load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function field(id, label, control) {
  return h("div", { class: "field" }, h("label", { for: id }, label), control);
}

// Quotes in values are doubled, as OData string literals require.
function quote(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

export function buildFilter({ hours, group, resource, caller, status }) {
  const now = new Date();
  const start = new Date(now.getTime() - hours * 3600 * 1000);
  let filter = `eventTimestamp ge ${quote(start.toISOString())} and eventTimestamp le ${quote(now.toISOString())}`;
  if (group) filter += ` and resourceGroupName eq ${quote(group)}`;
  if (resource) filter += ` and resourceUri eq ${quote(resource)}`;
  if (caller) filter += ` and caller eq ${quote(caller)}`;
  if (status) filter += ` and status eq ${quote(status)}`;
  return filter;
}

function eventsTable(events) {
  const rows = events.map((event) => {
    const state = (event.status && event.status.value) || "";
    const sub = event.subStatus && (event.subStatus.localizedValue || event.subStatus.value);
    const failed = state.toLowerCase() === "failed";
    const tr = row(
      h("time", { datetime: event.eventTimestamp }, formatTime(event.eventTimestamp)),
      h(
        "span",
        {},
        (event.operationName && (event.operationName.localizedValue || event.operationName.value)) || "",
        failed ? h("span", { class: "error-text event-error" }, statusMessage(event)) : null,
      ),
      h("span", { class: `badge ${failed ? "bad" : state === "Succeeded" ? "ok" : state ? "busy" : ""}` }, state, sub ? ` · ${sub}` : ""),
      h("span", { class: "mono", title: event.resourceId }, lastSegment(event.resourceId || "")),
      h("span", { class: "mono caller" }, event.caller || ""),
    );
    tr.dataset.correlation = event.correlationId || "";
    if (failed) tr.classList.add("failed");
    return tr;
  });
  return table(["Time", "Operation (error when failed)", "Status", "Resource", "Caller"], rows);
}

// properties.statusMessage is a JSON string in Azure ({"error":{"code","message"}}) or plain text.
function statusMessage(event) {
  const text = (event.properties && event.properties.statusMessage) || "";
  try {
    const parsed = JSON.parse(text);
    const error = parsed.error || parsed;
    if (error && (error.code || error.message)) return `${error.code || ""}: ${error.message || ""}`;
  } catch {
    // Plain text.
  }
  return text;
}
