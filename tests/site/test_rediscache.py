"""lms.rediscache: Django's Redis backend, one redis-py client per pool."""

from lms.rediscache import RedisCache


def test_each_cache_call_reuses_the_pools_client():
    # Making a client opens no connection: no Redis server is needed here.
    cache = RedisCache("redis://127.0.0.1:6379/13", {})
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client
    assert client.connection_pool is cache._cache._get_connection_pool(True)
