package salvo.cli.tui;

/** The keys the dashboard answers to, decoded from the terminal's byte sequences. */
enum Key { STOP, TOGGLE_FAILURES, UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END, ENTER, ESCAPE }
