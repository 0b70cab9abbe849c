package salvo.cli.tui;

/** Which slice of a list a window of fixed height shows so that the selection stays visible. */
final class ListWindow {
    private ListWindow() {}

    /**
     * @param scroll   the preferred first row
     * @param selected the selected row, or -1 to follow the end of the list
     * @return the first row to show
     */
    static int start(int scroll, int selected, int rows, int count) {
        int last = Math.max(0, count - rows);
        if (selected < 0) {
            return last;
        }
        int start = Math.min(scroll, selected);
        start = Math.max(start, selected - rows + 1);
        return Math.max(0, Math.min(start, last));
    }
}
