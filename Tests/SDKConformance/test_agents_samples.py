"""The official azure-ai-agents samples, unmodified, against a Foundry project of the emulator.

The samples come from the published source distribution of the pinned version (the same files as
Azure/azure-sdk-for-python `sdk/ai/azure-ai-agents/samples`), fetched once into Tests/SDKConformance/.cache with
`pip download --no-binary :all: --no-deps`. Each runs in a subprocess with only the environment variables it reads
(`PROJECT_ENDPOINT`, `MODEL_DEPLOYMENT_NAME`) and those `DefaultAzureCredential` and `requests` read: the emulator's
managed identity endpoint (`IDENTITY_ENDPOINT`, `IDENTITY_HEADER`; that identity holds "Azure AI User" on the
project) and its certificate (`REQUESTS_CA_BUNDLE`, `SSL_CERT_FILE`).
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from emulator_support import AZURE_AI_USER, IDENTITY_HEADER, clean_env

AGENTS_VERSION = "1.1.0"
CACHE = Path(__file__).resolve().parent / ".cache"
MANAGED_IDENTITY_OBJECT_ID = "fe000000-0000-4000-8000-000000000006"  # WellKnown.managedIdentityObjectId
CHAT = "gpt-4o"


@pytest.fixture(scope="module")
def samples_root() -> Path:
    root = CACHE / f"azure_ai_agents-{AGENTS_VERSION}"
    if not (root / "samples").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
                        f"azure-ai-agents=={AGENTS_VERSION}", "-d", str(CACHE)], check=True, timeout=300)
        with tarfile.open(CACHE / f"azure_ai_agents-{AGENTS_VERSION}.tar.gz") as archive:
            archive.extractall(CACHE, filter="data")
    return root


@pytest.fixture(scope="module")
def sample_env(make_dataplane_account, assign_role, emulator) -> dict[str, str]:
    account = make_dataplane_account({CHAT: ("gpt-4o", "2024-11-20", "DataZoneStandard", 20)}, project="samples")
    assign_role(f"{account.id}/projects/{account.project}", AZURE_AI_USER, MANAGED_IDENTITY_OBJECT_ID)
    return clean_env({
        "PROJECT_ENDPOINT": account.project_endpoint, "MODEL_DEPLOYMENT_NAME": CHAT,
        "IDENTITY_ENDPOINT": emulator.base_url + "/msi/token", "IDENTITY_HEADER": IDENTITY_HEADER,
        "REQUESTS_CA_BUNDLE": emulator.cert_path, "SSL_CERT_FILE": emulator.cert_path, "NO_PROXY": "localhost,127.0.0.1",
    })


def run_sample(root: Path, env: dict[str, str], relative: str) -> str:
    result = subprocess.run([sys.executable, str(root / "samples" / relative)], cwd=root, env=env, capture_output=True,
                            text=True, timeout=180)
    assert result.returncode == 0, f"{relative} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


# The built-in model calls a tool when the user's text names it; the samples' question names none, so a scripted
# rule makes the model call the samples' functions the first time, as a real model does.
FUNCTION_CALLS = {"match": "send an email with the datetime and weather information", "times": 1, "reply": {"toolCalls": [
    {"name": "fetch_current_datetime", "arguments": {}},
    {"name": "fetch_weather", "arguments": {"location": "New York"}},
]}}


def test_sample_agents_basics(samples_root, sample_env):
    out = run_sample(samples_root, sample_env, "sample_agents_basics.py")
    assert "Run status: RunStatus.COMPLETED" in out or "Run status: completed" in out, out
    assert "Run error" not in out and "Hello, tell me a joke" in out
    assert out.count(": ") >= 2 and "Deleted agent" in out


def test_sample_agents_basics_thread_and_process_run(samples_root, sample_env):
    out = run_sample(samples_root, sample_env, "sample_agents_basics_thread_and_process_run.py")
    assert "completed" in out.lower() and "failed" not in out.lower(), out


def test_sample_agents_basics_stream_iteration(samples_root, sample_env):
    out = run_sample(samples_root, sample_env, "sample_agents_basics_stream_iteration.py")
    assert "Text delta received" in out and "completed" in out.lower(), out
    assert "Stream completed" in out or "done" in out.lower(), out


def test_sample_agents_basics_stream_eventhandler(samples_root, sample_env):
    out = run_sample(samples_root, sample_env, "sample_agents_basics_stream_eventhandler.py")
    assert "Text delta received" in out and "failed" not in out.lower(), out


def test_sample_agents_functions(samples_root, sample_env, dataplane_rules):
    dataplane_rules.add(FUNCTION_CALLS)
    out = run_sample(samples_root, sample_env, "agents_tools/sample_agents_functions.py")
    assert "Executing tool call" in out and "fetch_weather" in out, out
    assert "Run completed with status: RunStatus.COMPLETED" in out or "Run completed with status: completed" in out, out


def test_sample_agents_stream_eventhandler_with_functions(samples_root, sample_env, dataplane_rules):
    dataplane_rules.add(FUNCTION_CALLS)
    out = run_sample(samples_root, sample_env, "agents_streaming/sample_agents_stream_eventhandler_with_functions.py")
    assert "requires_action" in out.lower() and "Tool outputs:" in out, out
    assert "Text delta received" in out and "Stream completed." in out, out
