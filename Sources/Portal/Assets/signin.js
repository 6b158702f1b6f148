// Sign-in: the operator (Owner of the subscription, credentials from /_emulator/info), any service
// principal by client id and secret, or a user by name and password. Each gets a real token from
// the token service; the page then sees exactly what that principal's roles allow.
import { emulatorInfo, signIn } from "./api.js";
import { h, replace, errorBox } from "./ui.js";

export async function renderSignIn(main, done) {
  const info = await emulatorInfo();
  const status = h("div", { class: "status", "aria-live": "polite" });
  const tenant = h("input", { id: "tenant", name: "tenant", value: info ? info.tenantId : "", required: true, autocomplete: "off" });

  async function attempt(kind, fields, label) {
    replace(status, h("p", { class: "muted" }, "Signing in…"));
    try {
      await signIn(kind, { tenant: tenant.value.trim(), ...fields }, label);
      if (!location.hash || location.hash === "#") location.hash = "#/resources";
      done();
    } catch (error) {
      replace(status, errorBox(error, "Sign-in failed"));
    }
  }

  const operator = info
    ? h(
        "section",
        { class: "card" },
        h("h2", {}, "Operator"),
        h("p", {}, "The emulator's operator service principal: Owner of the subscription."),
        h(
          "button",
          {
            type: "button",
            id: "signin-operator",
            class: "primary",
            onclick: () =>
              attempt("client", { clientId: info.operator.clientId, clientSecret: info.operator.clientSecret }, "operator (Owner)"),
          },
          "Sign in as operator (Owner)",
        ),
      )
    : h("section", { class: "card" }, h("h2", {}, "Operator"), h("p", { class: "muted" }, "The operator API is not available from here (loopback only); use a principal's credentials."));

  const clientId = h("input", { id: "client-id", name: "clientId", required: true, autocomplete: "off", spellcheck: "false" });
  const secret = h("input", { id: "client-secret", name: "clientSecret", type: "password", required: true, autocomplete: "off" });
  const spForm = h(
    "form",
    {
      class: "card",
      id: "signin-sp",
      onsubmit: (event) => {
        event.preventDefault();
        attempt("client", { clientId: clientId.value.trim(), clientSecret: secret.value }, "app " + clientId.value.trim());
      },
    },
    h("h2", {}, "Service principal"),
    h("p", { class: "muted" }, "Client id and secret, e.g. of a principal made with POST /_emulator/principals."),
    h("label", { for: "client-id" }, "Client id"), clientId,
    h("label", { for: "client-secret" }, "Client secret"), secret,
    h("button", { type: "submit" }, "Sign in"),
  );

  const username = h("input", { id: "username", name: "username", required: true, autocomplete: "username", value: info ? info.user.userPrincipalName : "" });
  const password = h("input", { id: "password", name: "password", type: "password", required: true, autocomplete: "current-password" });
  const userForm = h(
    "form",
    {
      class: "card",
      id: "signin-user",
      onsubmit: (event) => {
        event.preventDefault();
        attempt("user", { username: username.value.trim(), password: password.value }, username.value.trim());
      },
    },
    h("h2", {}, "User"),
    h("p", { class: "muted" }, "User name and password (the password grant)."),
    h("label", { for: "username" }, "User name"), username,
    h("label", { for: "password" }, "Password"), password,
    h("button", { type: "submit" }, "Sign in"),
  );

  replace(
    main,
    h("h1", {}, "Sign in"),
    h("p", {}, "The page gets a token from the emulator's token service and calls ARM with it, so Azure RBAC applies: sign in as a Reader to see what a Reader sees."),
    h("div", { class: "field-inline" }, h("label", { for: "tenant" }, "Tenant"), tenant),
    status,
    h("div", { class: "cards" }, operator, spForm, userForm),
  );
}
