package salvo.cli.tui;

/** Pure key handling: a view state, a key and the last frame's sizes give the next view state. */
final class Navigation {
    private Navigation() {}

    static ViewState next(ViewState v, Key key, int failureCount, Frame last) {
        return v.mode() == ViewMode.DETAIL ? inDetail(v, key, last) : inList(v, key, failureCount, last);
    }

    private static ViewState inList(ViewState v, Key key, int count, Frame last) {
        int page = Math.max(1, last.listRows());
        int from = v.selected() < 0 ? count : v.selected();
        return switch (key) {
            case TOGGLE_FAILURES -> v.withMode(v.mode() == ViewMode.ALL ? ViewMode.FAILURES : ViewMode.ALL);
            case UP -> select(v, from - 1, count, page);
            case DOWN -> select(v, v.selected() < 0 ? count - 1 : from + 1, count, page);
            case PAGE_UP -> select(v, from - page, count, page);
            case PAGE_DOWN -> select(v, v.selected() < 0 ? count - 1 : from + page, count, page);
            case HOME -> select(v, 0, count, page);
            case END -> select(v, count - 1, count, page);
            case ENTER -> count == 0 ? v : v.openDetail(v.selected() < 0 ? count - 1 : Math.min(v.selected(), count - 1));
            // Esc steps back: from the failures list to the overview, then from a selection to following.
            case ESCAPE -> v.mode() == ViewMode.FAILURES ? v.withMode(ViewMode.ALL) : v.withSelection(-1, 0);
            case STOP -> v;
        };
    }

    private static ViewState select(ViewState v, int index, int count, int rows) {
        if (count == 0) {
            return v;
        }
        int selected = Math.max(0, Math.min(index, count - 1));
        return v.withSelection(selected, ListWindow.start(v.listScroll(), selected, rows, count));
    }

    private static ViewState inDetail(ViewState v, Key key, Frame last) {
        int page = Math.max(1, last.detailRows() - 1);
        int max = last.detailMaxScroll();
        return switch (key) {
            case UP -> scroll(v, v.detailScroll() - 1, max);
            case DOWN -> scroll(v, v.detailScroll() + 1, max);
            case PAGE_UP -> scroll(v, v.detailScroll() - page, max);
            case PAGE_DOWN -> scroll(v, v.detailScroll() + page, max);
            case HOME -> scroll(v, 0, max);
            case END -> scroll(v, max, max);
            case ESCAPE -> v.withMode(v.back());
            case TOGGLE_FAILURES -> v.withMode(ViewMode.FAILURES);
            case ENTER, STOP -> v;
        };
    }

    private static ViewState scroll(ViewState v, int offset, int max) {
        return v.withDetailScroll(Math.max(0, Math.min(offset, max)));
    }
}
