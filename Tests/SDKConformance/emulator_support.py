"""Process and protocol helpers for the SDK conformance suite.

Everything here has a timeout: a hung emulator must fail a test, never hang the run.
The well-known world (ids, secrets) is the documented contract of the binary; it is
duplicated here on purpose so that a change on the Swift side shows up as a failure.
"""

from __future__ import annotations

import base64
import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlparse

import requests
import urllib3

REPO_ROOT = Path(__file__).resolve().parents[2]

TENANT_ID = "fe000000-0000-4000-8000-000000000001"
SUBSCRIPTION_ID = "fe000000-0000-4000-8000-000000000002"
OPERATOR_OBJECT_ID = "fe000000-0000-4000-8000-000000000003"
OPERATOR_CLIENT_ID = "fe000000-0000-4000-8000-000000000004"
OPERATOR_SECRET = "foundry-emulator-operator-secret"
USER_NAME = "developer@foundryemulator.onmicrosoft.com"
USER_PASSWORD = "Foundry-Emulator-1"
IDENTITY_HEADER = "foundry-emulator-identity-header"
AZ_CLI_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"

# Seconds. Each can be raised from the environment on a slow machine.
HTTP_TIMEOUT = float(os.environ.get("SDK_HTTP_TIMEOUT", "30"))
STARTUP_TIMEOUT = float(os.environ.get("SDK_STARTUP_TIMEOUT", "60"))
AZ_TIMEOUT = float(os.environ.get("SDK_AZ_TIMEOUT", "180"))

# The banner line "foundry-emulator [VERSION] listening on https://HOST:PORT" (the version is optional).
LISTENING_RE = re.compile(r"foundry-emulator(?: \S+)? listening on (https://[^\s/]+)")

# Variables of the caller's environment that would change what a client does: cloud, identity,
# certificate bundles, proxies. Every client process and credential here starts without them.
_LEAKY_ENV_PREFIXES = ("AZURE_", "IDENTITY_", "MSI_", "IMDS_", "ARM_", "AZUREML_")
_LEAKY_ENV_NAMES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE", "HTTP_PROXY", "HTTPS_PROXY",
                    "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy")


def emulator_binary() -> Path:
    """FOUNDRY_EMULATOR_BIN (absolute, or relative to the repository root), else the debug build."""
    path = Path(os.environ.get("FOUNDRY_EMULATOR_BIN", ".build/debug/foundry-emulator"))
    return path if path.is_absolute() else REPO_ROOT / path


def clean_env(extra: Optional[dict[str, str]] = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(_LEAKY_ENV_PREFIXES) and k not in _LEAKY_ENV_NAMES}
    env["NO_PROXY"] = env["no_proxy"] = "localhost,127.0.0.1,::1"
    if extra:
        env.update(extra)
    return env


def _set_parent_death_signal() -> None:
    """Runs in the child before exec: if pytest dies, the kernel sends SIGTERM to the emulator."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_parts(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(header, payload) of a JWT, without verifying anything (clients don't either)."""
    segments = token.split(".")
    assert len(segments) == 3, f"not a JWS compact token: {token[:40]}..."
    return json.loads(b64url_decode(segments[0])), json.loads(b64url_decode(segments[1]))


def jwt_payload(token: str) -> dict[str, Any]:
    return jwt_parts(token)[1]


def sign_rs256(header: dict[str, Any], payload: dict[str, Any], private_key: Any) -> str:
    """A compact RS256 JWS signed with `private_key` (a cryptography RSA key)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    signing_input = (b64url_encode(json.dumps(header, separators=(",", ":")).encode()) + "."
                     + b64url_encode(json.dumps(payload, separators=(",", ":")).encode()))
    signature = private_key.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url_encode(signature)


class HTTP:
    """A requests.Session that trusts the emulator's certificate and always times out."""

    def __init__(self, base_url: str, cert_path: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.verify = cert_path
        self.session.trust_env = False  # no proxies, no REQUESTS_CA_BUNDLE from the caller

    def url(self, path: str) -> str:
        return path if path.startswith(("https://", "http://")) else self.base_url + path

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return self.session.request(method, self.url(path), **kwargs)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PUT", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

    def patch(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PATCH", path, **kw)

    def delete(self, path: str, **kw: Any) -> requests.Response:
        return self.request("DELETE", path, **kw)

    def head(self, path: str, **kw: Any) -> requests.Response:
        return self.request("HEAD", path, **kw)


def same_origin(url: str, base_url: str) -> bool:
    """Same scheme and port, and a loopback spelling of the same host."""
    a, b = urlparse(url), urlparse(base_url)
    return a.scheme == b.scheme and a.port == b.port and a.hostname in ("localhost", "127.0.0.1", b.hostname)


def describe(response: requests.Response) -> str:
    """One line a failing assertion can show: request, status, headers of interest, body."""
    req = response.request
    interesting = {k: v for k, v in response.headers.items()
                   if k.lower() in ("location", "azure-asyncoperation", "retry-after", "www-authenticate",
                                    "content-type", "x-ms-request-id")}
    return (f"{req.method} {req.url} -> {response.status_code} {interesting} "
            f"body={response.text[:1500]!r}")


def arm_error(response: requests.Response) -> dict[str, Any]:
    """The ARM error object {"code","message",...} of a response, or an assertion failure."""
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"error body is not JSON: {describe(response)}") from None
    assert isinstance(body, dict) and isinstance(body.get("error"), dict), \
        f"not an ARM error envelope: {describe(response)}"
    error = body["error"]
    assert isinstance(error.get("code"), str) and isinstance(error.get("message"), str), \
        f"ARM error without code/message: {describe(response)}"
    return error


def wait_until(predicate, timeout: float = 30, interval: float = 0.5, message: str = "condition"):
    """Poll predicate() until it returns a truthy value; bounded, for eventually-consistent state."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"{message} not reached within {timeout}s (last value: {last!r})")


@dataclass
class Emulator:
    """A running foundry-emulator process."""

    binary: Path
    work_dir: Path
    process: Optional[subprocess.Popen] = None
    base_url: str = ""
    port: int = 0
    cert_path: str = ""
    log_path: Optional[Path] = None
    data_dir: Optional[Path] = None
    exit_code: Optional[int] = None
    stopped_by_us: bool = False

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self, extra_args: tuple[str, ...] = ()) -> "Emulator":
        if not self.binary.is_file() or not os.access(self.binary, os.X_OK):
            raise RuntimeError(f"emulator binary not found or not executable: {self.binary} "
                               f"(set FOUNDRY_EMULATOR_BIN or run `swift build`)")
        data_dir = self.work_dir / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self.log_path = self.work_dir / "emulator.log"
        args = [str(self.binary), "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir),
                "--log-level", os.environ.get("FOUNDRY_EMULATOR_LOG_LEVEL", "debug"), *extra_args]
        log = open(self.log_path, "ab", buffering=0)
        log.write(("$ " + " ".join(args) + "\n").encode())
        try:
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            cwd=str(self.work_dir), env=clean_env(),
                                            preexec_fn=_set_parent_death_signal)
        finally:
            log.close()
        try:
            self._wait_for_banner()
            self._wait_for_health()
            self._fetch_certificate()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_for_banner(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            match = LISTENING_RE.search(self.log_text())
            if match:
                self.base_url = match.group(1)
                self.port = int(self.base_url.rsplit(":", 1)[1])
                if self.port == 0:
                    raise RuntimeError("banner shows port 0: --port 0 must print the port actually bound")
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"emulator exited with {self.process.returncode} before listening\n"
                                   + self.log_tail())
            time.sleep(0.05)
        raise RuntimeError(f"no 'foundry-emulator listening on https://HOST:PORT' line on stdout within "
                           f"{STARTUP_TIMEOUT:.0f}s (is stdout flushed when it is not a terminal?)\n"
                           + self.log_tail())

    def _wait_for_health(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last: object = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"emulator exited with {self.process.returncode}\n" + self.log_tail())
                try:
                    # Not verified yet: the certificate is what we are about to download.
                    response = requests.get(self.base_url + "/_emulator/health", verify=False, timeout=5)
                    if response.status_code == 200:
                        return
                    last = f"{response.status_code} {response.text[:200]!r}"
                except requests.RequestException as error:
                    last = error
                time.sleep(0.1)
        raise RuntimeError(f"GET /_emulator/health never answered 200 (last: {last})\n" + self.log_tail())

    def _fetch_certificate(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            response = requests.get(self.base_url + "/_emulator/cert", verify=False, timeout=HTTP_TIMEOUT)
        if response.status_code != 200 or "-----BEGIN CERTIFICATE-----" not in response.text:
            raise RuntimeError(f"GET /_emulator/cert: {response.status_code} {response.text[:300]!r}")
        cert = self.work_dir / "emulator-cert.pem"
        cert.write_text(response.text)
        self.cert_path = str(cert)
        try:
            requests.get(self.base_url + "/_emulator/health", verify=self.cert_path, timeout=HTTP_TIMEOUT)
        except requests.exceptions.SSLError as error:
            raise RuntimeError(f"the certificate from /_emulator/cert does not verify {self.base_url}: {error}")

    def stop(self, timeout: float = 15) -> Optional[int]:
        """SIGTERM, then SIGKILL. Returns the exit code (negative: killed by that signal)."""
        if self.process is None:
            return self.exit_code
        if self.process.poll() is None:
            self.stopped_by_us = True
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
                self._append_log(f"\n[harness] emulator ignored SIGTERM for {timeout}s: killed\n")
        self.exit_code = self.process.returncode
        return self.exit_code

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # -- logs --------------------------------------------------------------------------------

    def log_size(self) -> int:
        try:
            return self.log_path.stat().st_size if self.log_path else 0
        except OSError:
            return 0

    def log_text(self, offset: int = 0) -> str:
        if not self.log_path or not self.log_path.exists():
            return ""
        with open(self.log_path, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", "replace")

    def log_tail(self, limit: int = 20000) -> str:
        text = self.log_text()
        clipped = text[-limit:]
        prefix = f"... ({len(text) - limit} characters before this)\n" if len(text) > limit else ""
        return f"----- emulator log ({self.log_path}) -----\n{prefix}{clipped}\n----- end of emulator log -----"

    def _append_log(self, text: str) -> None:
        if self.log_path:
            with open(self.log_path, "ab") as f:
                f.write(text.encode())

    # -- conveniences ------------------------------------------------------------------------

    def http(self) -> HTTP:
        return HTTP(self.base_url, self.cert_path)


def run_process(args: list[str], *, timeout: float, env: Optional[dict[str, str]] = None,
                cwd: Optional[str] = None) -> subprocess.CompletedProcess:
    """subprocess.run with a hard timeout that reports what the process had printed so far."""
    try:
        return subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as error:
        out = error.stdout.decode() if isinstance(error.stdout, bytes) else (error.stdout or "")
        err = error.stderr.decode() if isinstance(error.stderr, bytes) else (error.stderr or "")
        raise AssertionError(f"timed out after {timeout:.0f}s: {' '.join(args)}\n"
                             f"stdout: {out[-3000:]}\nstderr: {err[-3000:]}") from None


@dataclass
class AzResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except ValueError:
            raise AssertionError(f"az {' '.join(self.args)}: stdout is not JSON\n{self}") from None

    def __str__(self) -> str:
        return (f"az {' '.join(self.args)} -> exit {self.returncode}\n"
                f"stdout: {self.stdout[-4000:]}\nstderr: {self.stderr[-4000:]}")


class AzCli:
    """The real Azure CLI (`python -m azure.cli` of its own venv, AZ_PYTHON, set by run.sh; else this
    interpreter) with a private AZURE_CONFIG_DIR."""

    def __init__(self, emulator: Emulator, config_dir: Path, extra_env: Optional[dict[str, str]] = None):
        self.emulator = emulator
        self.config_dir = config_dir
        config_dir.mkdir(parents=True, exist_ok=True)
        self.env = clean_env({
            "AZURE_CONFIG_DIR": str(config_dir),
            "REQUESTS_CA_BUNDLE": emulator.cert_path,
            "AZURE_CORE_COLLECT_TELEMETRY": "false",
            "AZURE_CORE_INSTANCE_DISCOVERY": "false",
            "AZURE_CORE_ONLY_SHOW_ERRORS": "true",
            "AZURE_CORE_NO_COLOR": "true",
            "AZURE_CORE_SURVEY_MESSAGE": "false",
            "AZURE_CORE_LOGIN_EXPERIENCE_V2": "off",
            "AZURE_EXTENSION_USE_DYNAMIC_INSTALL": "no",
            "PYTHONWARNINGS": "ignore",
        })
        if extra_env:
            self.env.update(extra_env)

    def run(self, *args: str, timeout: float = AZ_TIMEOUT, check: bool = True,
            extra_env: Optional[dict[str, str]] = None, output: Optional[str] = "json") -> AzResult:
        argv = list(args) + (["--output", output] if output else [])
        env = dict(self.env, **(extra_env or {}))
        python = os.environ.get("AZ_PYTHON") or sys.executable
        completed = run_process([python, "-m", "azure.cli", *argv], timeout=timeout, env=env)
        result = AzResult(argv, completed.returncode, completed.stdout, completed.stderr)
        if check:
            assert result.returncode == 0, f"az failed\n{result}"
        return result

    def use_emulator_cloud(self) -> None:
        """Register the emulator as a cloud through metadata discovery, as a user would."""
        self.run("cloud", "register", "--name", "LocalEmulator",
                 "--endpoint-resource-manager", self.emulator.base_url + "/", output=None)
        self.run("cloud", "set", "--name", "LocalEmulator", output=None)
        self.run("config", "set", "core.instance_discovery=false", output=None)

    def login_service_principal(self) -> AzResult:
        return self.run("login", "--service-principal", "-u", OPERATOR_CLIENT_ID, "-p", OPERATOR_SECRET,
                        "--tenant", TENANT_ID)


# -- the data plane (Azure OpenAI / Foundry inference and project endpoints) -------------------

# Role definition ids of the built-in roles the data-plane tests assign (learn.microsoft.com,
# "Azure built-in roles for AI + machine learning").
COGNITIVE_SERVICES_OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
AZURE_AI_USER = "53ca6127-db72-4b80-b1b0-d745d6d5456d"

# The newest GA api-version of the classic inference route (azure-rest-api-specs,
# specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21).
AOAI_API_VERSION = "2024-10-21"
COGNITIVE_SCOPE = "https://cognitiveservices.azure.com/.default"


@dataclass
class DataPlaneAccount:
    """An AIServices account with a custom subdomain, its keys, deployments and one project."""

    group: str
    name: str
    subdomain: str
    id: str
    key1: str
    key2: str
    endpoint: str            # properties.endpoint ({origin}/dataplane/{sub}.cognitiveservices.azure.com/)
    endpoints: dict          # properties.endpoints
    openai_endpoint: str     # {origin}/dataplane/{sub}.openai.azure.com/
    services_endpoint: str   # {origin}/dataplane/{sub}.services.ai.azure.com/
    project: str = ""
    project_endpoint: str = ""

    @property
    def v1_base_url(self) -> str:
        return self.openai_endpoint + "openai/v1/"


def tls_context(cert_path: str):
    """An ssl.SSLContext that trusts the emulator's self-signed certificate (for httpx clients)."""
    import ssl

    return ssl.create_default_context(cafile=cert_path)


def import_ai_projects_2():
    """azure.ai.projects 2.x as pinned in requirements.txt (az has a venv of its own, so its
    azure-ai-projects 1.0.0 pin does not apply here); returns the module."""
    import importlib

    projects = importlib.import_module("azure.ai.projects")
    from azure.ai.projects._version import VERSION

    assert VERSION.startswith("2."), f"azure.ai.projects {VERSION} from {projects.__file__}"
    return projects
