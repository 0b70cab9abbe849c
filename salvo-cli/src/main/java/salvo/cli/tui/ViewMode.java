package salvo.cli.tui;

/** What the body of the dashboard shows. */
enum ViewMode {
    /** Workers, counts, latest failures, slowest tests. */
    ALL,
    /** Only the list of failures, full height. */
    FAILURES,
    /** One failure's detail and output. */
    DETAIL
}
