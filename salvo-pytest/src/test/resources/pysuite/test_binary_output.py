import os
import sys


def test_writes_invalid_utf8():
    sys.stdout.flush()
    os.write(1, b"bad bytes: \xff\xfe\xc3\x28 end\n")
    sys.stdout.buffer.write(b"more \x80\x81 here\n")
    assert False, "look at the output"
