import time


def test_search_by_title():
    time.sleep(2)


def test_search_by_author():
    time.sleep(2)


def test_search_empty_query():
    time.sleep(2)
