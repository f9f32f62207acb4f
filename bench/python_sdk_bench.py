"""The official Python SDK (purecloudplatformclientv2) calling GET /api/v2/tokens/me on the
benchmark server. usage: python_sdk_bench.py BASE_URL CALLS THREADS; prints calls_per_s=N."""
import sys
import threading
import time

import PureCloudPlatformClientV2 as sdk

base_url, calls, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sdk.configuration.host = base_url
client = sdk.api_client.ApiClient(host=base_url).get_client_credentials_token("bench", "bench")
tokens = sdk.TokensApi(client)
for _ in range(20):  # warm-up
    tokens.get_tokens_me()


def worker(count):
    for _ in range(count):
        info = tokens.get_tokens_me()
        assert info.organization is not None


per_thread = calls // threads
started = time.perf_counter()
pool = [threading.Thread(target=worker, args=(per_thread,)) for _ in range(threads)]
for thread in pool:
    thread.start()
for thread in pool:
    thread.join()
elapsed = time.perf_counter() - started
print(f"calls_per_s={per_thread * threads / elapsed:.1f}")
