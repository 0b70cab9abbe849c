import time

import pytest


@pytest.mark.parametrize("name", ["Zoë", "山田太郎", "🚀 launch"])
def test_display_name(name):
    time.sleep(1.5)
    assert name.strip()
