package salvo.cli.tui;

/**
 * Where the user is looking: the mode, the selected failure and the scroll positions.
 *
 * @param selected     index into the failure list, or -1 to follow the latest failures
 * @param listScroll   first failure row shown by the lists
 * @param detailScroll first body line shown by the detail view
 * @param back         the list mode Esc returns to from the detail view
 */
record ViewState(ViewMode mode, int selected, int listScroll, int detailScroll, ViewMode back) {

    static ViewState initial() {
        return new ViewState(ViewMode.ALL, -1, 0, 0, ViewMode.ALL);
    }

    ViewState withMode(ViewMode value) {
        return new ViewState(value, selected, listScroll, detailScroll, back);
    }

    ViewState withSelection(int index, int scroll) {
        return new ViewState(mode, index, scroll, detailScroll, back);
    }

    ViewState withDetailScroll(int value) {
        return new ViewState(mode, selected, listScroll, value, back);
    }

    ViewState openDetail(int index) {
        return new ViewState(ViewMode.DETAIL, index, listScroll, 0, mode);
    }
}
