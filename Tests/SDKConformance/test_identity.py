"""azure-identity (MSAL underneath) against the emulator's Entra ID token service."""

from __future__ import annotations

import time

import pytest
from azure.core.exceptions import ClientAuthenticationError

from emulator_support import (
    IDENTITY_HEADER,
    OPERATOR_CLIENT_ID,
    OPERATOR_OBJECT_ID,
    OPERATOR_SECRET,
    TENANT_ID,
    jwt_parts,
)

TIMEOUTS = {"connection_timeout": 10, "read_timeout": 60}


def _client_secret_credential(emulator, secret: str = OPERATOR_SECRET):
    from azure.identity import ClientSecretCredential

    return ClientSecretCredential(TENANT_ID, OPERATOR_CLIENT_ID, secret, authority=emulator.base_url,
                                  disable_instance_discovery=True, connection_verify=emulator.cert_path,
                                  **TIMEOUTS)


def _assert_app_token(token, audience: str) -> dict:
    assert token.expires_on > time.time() + 60, f"expires_on {token.expires_on} is not in the future"
    header, claims = jwt_parts(token.token)
    assert header.get("alg") == "RS256", header
    assert claims["aud"].rstrip("/") == audience.rstrip("/"), claims
    assert claims["tid"] == TENANT_ID, claims
    assert claims["oid"] == OPERATOR_OBJECT_ID, claims
    assert claims["appid"] == OPERATOR_CLIENT_ID, claims
    assert claims["exp"] > time.time(), claims
    return claims


def test_client_secret_credential_for_the_emulator_audience(emulator):
    with _client_secret_credential(emulator) as credential:
        token = credential.get_token(emulator.base_url + "/.default")
    _assert_app_token(token, emulator.base_url)


def test_client_secret_credential_for_the_public_arm_audience(emulator):
    # A client that does not set credential_scopes asks for management.azure.com: accepted as is.
    with _client_secret_credential(emulator) as credential:
        token = credential.get_token("https://management.azure.com/.default")
    _assert_app_token(token, "https://management.azure.com")


def test_default_azure_credential_from_environment_variables(emulator, monkeypatch):
    from azure.identity import DefaultAzureCredential

    for name in ("IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET", "AZURE_USERNAME",
                 "AZURE_PASSWORD", "AZURE_CLIENT_CERTIFICATE_PATH", "AZURE_FEDERATED_TOKEN_FILE",
                 "AZURE_TOKEN_CREDENTIALS", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AZURE_AUTHORITY_HOST", emulator.base_url)
    monkeypatch.setenv("AZURE_CLIENT_ID", OPERATOR_CLIENT_ID)
    monkeypatch.setenv("AZURE_CLIENT_SECRET", OPERATOR_SECRET)
    monkeypatch.setenv("AZURE_TENANT_ID", TENANT_ID)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", emulator.cert_path)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")

    with DefaultAzureCredential(disable_instance_discovery=True, **TIMEOUTS) as credential:
        token = credential.get_token(emulator.base_url + "/.default")
    _assert_app_token(token, emulator.base_url)


def test_wrong_client_secret_raises_client_authentication_error(emulator):
    with _client_secret_credential(emulator, secret="not-the-secret") as credential:
        with pytest.raises(ClientAuthenticationError) as caught:
            credential.get_token(emulator.base_url + "/.default")
    assert "AADSTS7000215" in str(caught.value), str(caught.value)


def test_managed_identity_credential_app_service_style(emulator, monkeypatch):
    from azure.identity import ManagedIdentityCredential

    for name in ("MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT", "IDENTITY_SERVER_THUMBPRINT",
                 "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IDENTITY_ENDPOINT", emulator.base_url + "/msi/token")
    monkeypatch.setenv("IDENTITY_HEADER", IDENTITY_HEADER)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", emulator.cert_path)
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")

    with ManagedIdentityCredential(connection_verify=emulator.cert_path, **TIMEOUTS) as credential:
        token = credential.get_token(emulator.base_url + "/.default")
    assert token.expires_on > time.time() + 60
    _, claims = jwt_parts(token.token)  # az login --identity decodes "tid" from it
    assert claims["tid"] == TENANT_ID, claims
    assert claims["aud"].rstrip("/") == emulator.base_url, claims
    assert claims.get("oid"), claims


def test_managed_identity_endpoint_rejects_a_wrong_identity_header(http, emulator):
    response = http.get("/msi/token", params={"api-version": "2019-08-01", "resource": emulator.base_url},
                        headers={"X-IDENTITY-HEADER": "wrong", "Metadata": "true"})
    assert 400 <= response.status_code < 500, f"{response.status_code} {response.text[:300]}"
