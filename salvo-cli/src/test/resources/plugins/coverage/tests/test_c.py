from pkg import loaded, words

loaded.register("answer", 42)  # import-time coverage: lines run while the file is collected


class TestWords:
    def test_whisper(self):
        assert words.whisper("HI") == "hi..."

    def test_empty(self):
        assert words.whisper("") == ""

    def test_lookup(self):
        assert loaded.lookup("answer") == 42
