package salvo.pytest.discovery;

/** The pytest settings that decide which files are test files, by their names in config files. */
enum Setting {
    PYTHON_FILES("python_files"),
    TESTPATHS("testpaths"),
    NORECURSEDIRS("norecursedirs");

    final String key;

    Setting(String key) {
        this.key = key;
    }
}
