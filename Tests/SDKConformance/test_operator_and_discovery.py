"""The unauthenticated surface clients discover first: operator API, cloud metadata, OIDC document.

These are raw requests, shaped like the ones az, MSAL and azure-ai-ml send.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import requests

from emulator_support import (
    OPERATOR_CLIENT_ID,
    OPERATOR_OBJECT_ID,
    OPERATOR_SECRET,
    SUBSCRIPTION_ID,
    TENANT_ID,
    HTTP_TIMEOUT,
    describe,
    same_origin,
    jwt_payload,
)


def test_health_answers_200(http):
    response = http.get("/_emulator/health")
    assert response.status_code == 200, describe(response)


def test_plain_http_is_served_on_the_same_port(emulator):
    # The first byte decides TLS or plain HTTP (docs/reference.md): curl demos work without the cert.
    response = requests.get(f"http://127.0.0.1:{emulator.port}/_emulator/health", timeout=HTTP_TIMEOUT)
    assert response.status_code == 200, describe(response)


def test_info_describes_the_well_known_world(http, emulator):
    response = http.get("/_emulator/info")
    assert response.status_code == 200, describe(response)
    info = response.json()
    assert info["tenantId"] == TENANT_ID
    assert info["subscriptionId"] == SUBSCRIPTION_ID
    operator = info["operator"]
    assert (operator["clientId"], operator["clientSecret"], operator["objectId"]) == \
        (OPERATOR_CLIENT_ID, OPERATOR_SECRET, OPERATOR_OBJECT_ID)
    assert same_origin(info["resourceManagerUrl"], emulator.base_url), info
    assert same_origin(info["authorityUrl"], emulator.base_url), info
    # The certificate on disk is the one served at /_emulator/cert.
    on_disk = Path(info["certificatePath"]).read_text().strip()
    assert on_disk == Path(emulator.cert_path).read_text().strip()


def test_operator_token_is_an_owner_token_for_the_operator(http):
    response = http.get("/_emulator/token")
    assert response.status_code == 200, describe(response)
    body = response.json()
    claims = jwt_payload(body["access_token"])
    assert claims["tid"] == TENANT_ID
    assert claims["oid"] == OPERATOR_OBJECT_ID
    assert claims.get("appid", claims.get("azp")) == OPERATOR_CLIENT_ID


def test_metadata_endpoints_2022_09_01_is_one_object_az_can_register(http, emulator):
    # az cloud register --endpoint-resource-manager fetches this without a token and crashes on a list.
    response = http.get("/metadata/endpoints?api-version=2022-09-01")
    assert response.status_code == 200, describe(response)
    cloud = response.json()
    assert isinstance(cloud, dict), f"must be a single object for az: {describe(response)}"
    assert same_origin(cloud["resourceManager"], emulator.base_url)
    assert same_origin(cloud["authentication"]["loginEndpoint"], emulator.base_url)
    assert cloud["authentication"]["audiences"] and isinstance(cloud["authentication"]["audiences"], list)
    assert isinstance(cloud["suffixes"], dict)
    assert cloud["name"]


def test_metadata_endpoints_2019_05_01_is_a_list_azure_ai_ml_can_use(http, emulator):
    response = http.get("/metadata/endpoints?api-version=2019-05-01")
    assert response.status_code == 200, describe(response)
    clouds = response.json()
    assert isinstance(clouds, list) and clouds, describe(response)
    local = [c for c in clouds if same_origin(c.get("resourceManager", ""), emulator.base_url)]
    assert local, f"no cloud whose resourceManager is the emulator: {clouds}"
    for key in ("name", "portal", "resourceManager"):
        assert local[0].get(key), f"cloud lacks {key}: {local[0]}"
    assert local[0]["authentication"]["loginEndpoint"]
    assert "storage" in local[0]["suffixes"]


def test_openid_configuration_points_at_the_emulator(http, emulator):
    response = http.get(f"/{TENANT_ID}/v2.0/.well-known/openid-configuration")
    assert response.status_code == 200, describe(response)
    document = response.json()
    # MSAL needs exactly these two and takes the tenant from the token endpoint's first segment.
    token_endpoint = document["token_endpoint"]
    assert same_origin(token_endpoint, emulator.base_url), document
    assert urlparse(token_endpoint).path == f"/{TENANT_ID}/oauth2/v2.0/token", document
    assert same_origin(document["authorization_endpoint"], emulator.base_url), document


def test_token_endpoint_client_credentials_raw(http, emulator):
    response = http.post(f"/{TENANT_ID}/oauth2/v2.0/token", data={
        "client_id": OPERATOR_CLIENT_ID, "client_secret": OPERATOR_SECRET, "grant_type": "client_credentials",
        "client_info": "1", "scope": emulator.base_url + "//.default",  # az's double slash
        "claims": '{"access_token":{"xms_cc":{"values":["CP1"]}}}'})
    assert response.status_code == 200, describe(response)
    body = response.json()
    assert int(body["expires_in"]) > 0
    assert body["token_type"].lower() == "bearer"
    claims = jwt_payload(body["access_token"])
    assert claims["tid"] == TENANT_ID and claims["oid"] == OPERATOR_OBJECT_ID
