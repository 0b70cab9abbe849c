import json
import os
import time

import pytest


def test_a_patched_function(mocker):
    mocker.patch("os.getcwd", return_value="/nowhere")
    assert os.getcwd() == "/nowhere"


def test_a_patched_dict_is_restored(mocker):
    mocker.patch.dict(os.environ, {"ECOSYSTEM_EXAMPLE": "1"})
    assert os.environ["ECOSYSTEM_EXAMPLE"] == "1"


def test_a_spy_records_calls_and_returns(mocker):
    spy = mocker.spy(json, "dumps")
    json.dumps({"a": 1})
    spy.assert_called_once_with({"a": 1})
    assert spy.spy_return == '{"a": 1}'


def test_a_stub_as_a_callback(mocker):
    callback = mocker.stub(name="on_done")
    for i in range(2):
        callback(i)
    assert callback.call_args_list == [mocker.call(0), mocker.call(1)]


def test_an_unmet_expectation_fails(mocker):
    sleep = mocker.patch.object(time, "sleep")
    time.sleep(2)
    sleep.assert_called_once_with(1)


@pytest.mark.asyncio
async def test_an_async_mock_is_awaited(mocker):
    fetch = mocker.AsyncMock(return_value=3)
    assert await fetch("key") == 3
    fetch.assert_awaited_once_with("key")


def test_no_patch_outlives_its_test():
    assert os.getcwd() != "/nowhere" and "ECOSYSTEM_EXAMPLE" not in os.environ
