import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def queue():
    queue = asyncio.Queue()
    yield queue
    assert queue.empty(), "every item was consumed"


@pytest.mark.asyncio
async def test_a_producer_and_a_consumer(queue):
    async def produce():
        for i in range(3):
            await queue.put(i)

    async def consume():
        return [await queue.get() for _ in range(3)]

    _, consumed = await asyncio.gather(produce(), consume())
    assert consumed == [0, 1, 2]


@pytest.mark.asyncio
async def test_a_slow_call_is_cancelled():
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)


@pytest.mark.asyncio
async def test_an_awaited_exception_fails():
    async def fetch():
        raise ConnectionError("from a coroutine")

    await fetch()


@pytest.mark.asyncio
async def test_an_item_left_in_the_queue_errors_at_teardown(queue):
    await queue.put("left over")


async def test_without_the_mark_strict_mode_skips_it():
    raise AssertionError("never run")


def test_a_synchronous_test_gets_a_loop_of_its_own(event_loop):
    assert event_loop.run_until_complete(asyncio.sleep(0, result="ran")) == "ran"
