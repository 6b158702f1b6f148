"""Failures must look like Azure's: status, error code, envelope, and the exception the SDK raises."""

from __future__ import annotations

import time

import pytest
from azure.core.credentials import AccessToken
from azure.core.exceptions import ClientAuthenticationError, HttpResponseError

from emulator_support import (
    OPERATOR_CLIENT_ID,
    SUBSCRIPTION_ID,
    TENANT_ID,
    arm_error,
    describe,
    jwt_parts,
    jwt_payload,
    sign_rs256,
)

SUBSCRIPTIONS = "/subscriptions?api-version=2022-12-01"


class StaticTokenCredential:
    """Hands a fixed token to a mgmt client, the way the reference's static credential does."""

    def __init__(self, token: str):
        self.token = token

    def get_token(self, *scopes, **kwargs) -> AccessToken:
        return AccessToken(self.token, int(time.time()) + 3600)


@pytest.fixture(scope="module")
def forged_token(operator_token: str) -> str:
    """The operator token's exact header and claims, signed with a key the emulator never saw."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    header, claims = jwt_parts(operator_token)
    wrong_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return sign_rs256(header, claims, wrong_key)


@pytest.fixture(scope="module")
def expired_token(http) -> str:
    response = http.get("/_emulator/token", params={"lifetime": "-3600"})
    if response.status_code != 200:
        pytest.skip(f"GET /_emulator/token?lifetime=-3600 answered {response.status_code}: "
                    "no way to mint an expired token yet")
    token = response.json()["access_token"]
    exp = jwt_payload(token).get("exp", 0)
    if exp > time.time():
        pytest.skip("GET /_emulator/token ignores ?lifetime= (exp is in the future): "
                    "no way to mint an expired token yet")
    return token


def _resource_client(emulator, token: str):
    from azure.mgmt.resource.resources import ResourceManagementClient

    return ResourceManagementClient(StaticTokenCredential(token), SUBSCRIPTION_ID, base_url=emulator.base_url,
                                    credential_scopes=[emulator.base_url + "/.default"],
                                    connection_verify=emulator.cert_path, connection_timeout=10,
                                    read_timeout=60)


# -- token endpoint --------------------------------------------------------------------------

def test_token_endpoint_wrong_secret_is_invalid_client(http, emulator):
    response = http.post(f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "client_id": OPERATOR_CLIENT_ID, "client_secret": "not-the-secret", "grant_type": "client_credentials",
        "scope": emulator.base_url + "/.default"})
    assert response.status_code == 401, describe(response)
    body = response.json()
    assert body["error"] == "invalid_client", describe(response)
    assert "AADSTS7000215" in body["error_description"], describe(response)


def test_token_endpoint_unknown_client_is_rejected(http, emulator):
    response = http.post(f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "client_id": "00000000-0000-4000-8000-0000000000aa", "client_secret": "x",
        "grant_type": "client_credentials", "scope": emulator.base_url + "/.default"})
    assert response.status_code in (400, 401), describe(response)
    assert response.json()["error"] in ("unauthorized_client", "invalid_client"), describe(response)


# -- bearer token checks on ARM --------------------------------------------------------------

def test_no_token_is_authentication_failed_with_www_authenticate(http):
    response = http.get(SUBSCRIPTIONS)
    assert response.status_code == 401, describe(response)
    assert arm_error(response)["code"] == "AuthenticationFailed", describe(response)
    challenge = response.headers.get("WWW-Authenticate", "")
    assert challenge.startswith("Bearer"), describe(response)


def test_forged_signature_is_invalid_authentication_token(http, forged_token):
    response = http.get(SUBSCRIPTIONS, headers={"Authorization": f"Bearer {forged_token}"})
    assert response.status_code == 401, describe(response)
    assert arm_error(response)["code"] == "InvalidAuthenticationToken", describe(response)


def test_garbage_token_is_invalid_authentication_token(http):
    response = http.get(SUBSCRIPTIONS, headers={"Authorization": "Bearer not-a-jwt"})
    assert response.status_code == 401, describe(response)
    assert arm_error(response)["code"] == "InvalidAuthenticationToken", describe(response)


def test_forged_token_through_the_sdk_raises_client_authentication_error(emulator, forged_token):
    with _resource_client(emulator, forged_token) as client:
        with pytest.raises(ClientAuthenticationError) as caught:
            client.resource_groups.get("anything")
    assert caught.value.status_code == 401
    assert caught.value.error.code == "InvalidAuthenticationToken", str(caught.value)


def test_expired_token_is_expired_authentication_token(http, expired_token):
    response = http.get(SUBSCRIPTIONS, headers={"Authorization": f"Bearer {expired_token}"})
    assert response.status_code == 401, describe(response)
    assert arm_error(response)["code"] == "ExpiredAuthenticationToken", describe(response)


def test_expired_token_through_the_sdk_raises_client_authentication_error(emulator, expired_token):
    with _resource_client(emulator, expired_token) as client:
        with pytest.raises(ClientAuthenticationError) as caught:
            client.resource_groups.get("anything")
    assert caught.value.error.code == "ExpiredAuthenticationToken", str(caught.value)


# -- request validation ----------------------------------------------------------------------

def test_missing_api_version_is_400(http, auth_headers):
    response = http.get(f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups", headers=auth_headers)
    assert response.status_code == 400, describe(response)
    assert arm_error(response)["code"] == "MissingApiVersionParameter", describe(response)


def test_malformed_json_body_is_invalid_request_content(http, auth_headers, unique_name):
    name = unique_name("badjson")
    response = http.put(f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{name}?api-version=2025-04-01",
                        headers=dict(auth_headers, **{"Content-Type": "application/json"}),
                        data=b'{"location": "eastus",')
    assert response.status_code == 400, describe(response)
    assert arm_error(response)["code"] == "InvalidRequestContent", describe(response)
    # Nothing was created.
    head = http.head(f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{name}?api-version=2025-04-01",
                     headers=auth_headers)
    assert head.status_code == 404, describe(head)


def test_resource_group_without_location_is_rejected_by_arm(http, auth_headers, unique_name):
    response = http.put(f"/subscriptions/{SUBSCRIPTION_ID}/resourcegroups/{unique_name('noloc')}"
                        "?api-version=2025-04-01", headers=auth_headers, json={"tags": {}})
    assert response.status_code == 400, describe(response)
    arm_error(response)


def test_sdk_surfaces_arm_errors_as_http_response_error(emulator, operator_token, unique_name):
    # A 400 from ARM becomes HttpResponseError carrying the envelope's code and message.
    with _resource_client(emulator, operator_token) as client:
        with pytest.raises(HttpResponseError) as caught:
            client.resource_groups.create_or_update(unique_name("noloc"), {"tags": {"a": "b"}})
    assert caught.value.status_code == 400, str(caught.value)
    assert caught.value.error is not None and caught.value.error.code, str(caught.value)
    assert caught.value.error.message, str(caught.value)
