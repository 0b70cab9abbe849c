package salvo.cli.tui;

import java.util.Comparator;

/** Orders worker names as people count them: gw2 before gw10. */
final class WorkerOrder implements Comparator<String> {
    static final WorkerOrder INSTANCE = new WorkerOrder();

    private WorkerOrder() {}

    @Override
    public int compare(String a, String b) {
        int digitsA = trailingDigits(a);
        int digitsB = trailingDigits(b);
        int byPrefix = a.substring(0, a.length() - digitsA).compareTo(b.substring(0, b.length() - digitsB));
        if (byPrefix != 0 || digitsA == 0 || digitsB == 0) {
            return byPrefix != 0 ? byPrefix : a.compareTo(b);
        }
        String numA = a.substring(a.length() - digitsA).replaceFirst("^0+(?=.)", "");
        String numB = b.substring(b.length() - digitsB).replaceFirst("^0+(?=.)", "");
        int byLength = Integer.compare(numA.length(), numB.length());
        return byLength != 0 ? byLength : numA.compareTo(numB) != 0 ? numA.compareTo(numB) : a.compareTo(b);
    }

    private static int trailingDigits(String s) {
        int n = 0;
        while (n < s.length() && Character.isDigit(s.charAt(s.length() - 1 - n))) {
            n++;
        }
        return n;
    }
}
