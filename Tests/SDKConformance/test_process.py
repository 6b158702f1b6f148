"""The binary's command line and process contract: flags, exit codes, graceful shutdown."""

from __future__ import annotations

import signal
import subprocess
import tempfile

import pytest

from emulator_support import Emulator, clean_env, emulator_binary, run_process


def _run(*args: str) -> subprocess.CompletedProcess:
    # In a scratch directory: a binary that wrongly accepts a flag starts and may write its data dir.
    with tempfile.TemporaryDirectory() as scratch:
        return run_process([str(emulator_binary()), *args], timeout=30, env=clean_env(), cwd=scratch)


def test_help_exits_0_and_documents_the_flags():
    result = _run("--help")
    assert result.returncode == 0, result
    text = result.stdout + result.stderr
    for flag in ("--host", "--port", "--tls-cert", "--tls-key", "--data-dir", "--seed", "--provisioning-delay",
                 "--log-level", "--signing-key", "--operator-key"):
        assert flag in text, f"--help does not mention {flag}:\n{text}"


def test_version_exits_0():
    result = _run("--version")
    assert result.returncode == 0, result
    assert (result.stdout + result.stderr).strip(), "--version printed nothing"


@pytest.mark.parametrize("args", [("--no-such-flag",), ("--port",), ("--port", "not-a-number"),
                                  ("--log-level", "loud")])
def test_bad_flags_print_usage_and_exit_2(args):
    result = _run(*args)
    assert result.returncode == 2, result
    assert "usage" in (result.stdout + result.stderr).lower(), result


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_the_emulator_gracefully_with_exit_0(tmp_path, sig):
    instance = Emulator(binary=emulator_binary(), work_dir=tmp_path)
    instance.start()
    try:
        instance.process.send_signal(sig)
        code = instance.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running 15 s after {sig.name}\n" + instance.log_tail(4000))
    finally:
        instance.stop()
    assert code == 0, f"exit code {code} after {sig.name}\n" + instance.log_tail(4000)


def test_two_emulators_on_port_0_get_different_ports(tmp_path, emulator):
    other = Emulator(binary=emulator_binary(), work_dir=tmp_path).start()
    try:
        assert other.port != emulator.port
    finally:
        other.stop()
