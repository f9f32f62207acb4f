"""Conformance: the official Genesys Cloud Python SDK (purecloudplatformclientv2 269.0.0)
against purecloud-mock. Every step must pass; any failure exits non-zero.

usage: python official_python_sdk.py BASE_URL CLIENT_ID CLIENT_SECRET
"""
import sys

import PureCloudPlatformClientV2 as sdk
from PureCloudPlatformClientV2.rest import ApiException

base_url, client_id, client_secret = sys.argv[1:4]
passed = 0
failed = 0


def step(name, check):
    global passed, failed
    try:
        check()
    except Exception as error:  # noqa: BLE001 - report every failure and go on
        failed += 1
        print(f"FAIL {name}: {type(error).__name__}: {error}")
    else:
        passed += 1
        print(f"ok   {name}")


def expect_status(status, call):
    try:
        call()
    except ApiException as error:
        assert error.status == status, f"expected {status}, got {error.status}: {error.body}"
        return error
    raise AssertionError(f"expected HTTP {status}, the call succeeded")


sdk.configuration.host = base_url
client = sdk.api_client.ApiClient(host=base_url)
state = {}


def login():
    state["client"] = client.get_client_credentials_token(client_id, client_secret)
    assert state["client"].access_token, "no access token"


def bad_login():
    error = expect_status(400, lambda: sdk.api_client.ApiClient(host=base_url).get_client_credentials_token(client_id, "wrong"))
    assert "invalid_client" in error.body, error.body


def get_tokens_me():
    tokens = sdk.TokensApi(state["client"])
    info = tokens.get_tokens_me()
    assert isinstance(info, sdk.TokenInfo), type(info)
    assert info.organization.name == "Mock Organization", info.organization
    assert info.o_auth_client.id == client_id, info.o_auth_client
    assert info.o_auth_client.authorized_grant_type == "CLIENT-CREDENTIALS", info.o_auth_client.authorized_grant_type
    assert info.date_token_idles is not None and info.date_token_idles.tzinfo is not None
    state["idles"] = info.date_token_idles
    preserved = tokens.get_tokens_me(preserve_idle_ttl=True)
    assert preserved.date_token_idles == state["idles"], "preserveIdleTTL=true must keep the idle expiry"


def head_tokens_me():
    sdk.TokensApi(state["client"]).head_tokens_me()


def get_tokens_timeout():
    timeout = sdk.TokensApi(state["client"]).get_tokens_timeout()
    assert isinstance(timeout, sdk.IdleTokenTimeout), type(timeout)
    assert timeout.idle_token_timeout_seconds == 900, timeout


def put_tokens_timeout():
    tokens = sdk.TokensApi(state["client"])
    body = sdk.IdleTokenTimeout()
    body.idle_token_timeout_seconds = 1200
    body.enable_idle_token_timeout = False
    saved = tokens.put_tokens_timeout(body=body)
    assert saved.idle_token_timeout_seconds == 1200, saved
    assert tokens.get_tokens_timeout().idle_token_timeout_seconds == 1200, "PUT must persist"
    too_long = sdk.IdleTokenTimeout()
    too_long.idle_token_timeout_seconds = 28801  # the SDK itself refuses < 300
    error = expect_status(400, lambda: tokens.put_tokens_timeout(body=too_long))
    assert "contextId" in error.body and error.headers.get("ININ-Correlation-Id"), error.body


def delete_token():
    sdk.TokensApi(state["client"]).delete_token("some-user-id")


def delete_tokens_me():
    tokens = sdk.TokensApi(state["client"])
    tokens.delete_tokens_me()
    expect_status(401, tokens.head_tokens_me)
    expect_status(401, lambda: tokens.get_tokens_me())


def unknown_route():
    error = expect_status(404, lambda: state["client"].call_api("/api/v2/nothing/here", "GET", response_type="object", auth_settings=["PureCloud OAuth"]))
    assert '"code": "not.found"' in error.body or '"code":"not.found"' in error.body, error.body


step("login with client credentials (ApiClient.get_client_credentials_token)", login)
step("login with a wrong secret is a 400 invalid_client", bad_login)
if "client" in state:
    step("TokensApi.get_tokens_me (with and without preserveIdleTTL)", get_tokens_me)
    step("TokensApi.head_tokens_me", head_tokens_me)
    step("TokensApi.get_tokens_timeout", get_tokens_timeout)
    step("TokensApi.put_tokens_timeout (persists, validates)", put_tokens_timeout)
    step("TokensApi.delete_token", delete_token)
    step("unknown route is a Genesys-shaped 404", unknown_route)
    step("TokensApi.delete_tokens_me (the token stops working)", delete_tokens_me)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
