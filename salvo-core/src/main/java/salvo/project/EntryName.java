package salvo.project;

import java.util.regex.Pattern;

/** The rule for a name a user gives an entry of salvo.yaml (a command, a sequence): what a PATH on the command line names. */
public final class EntryName {
    /** Letters, digits, '.', '_' and '-': safe in a unit id, on a command line and in a report. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    public static final String RULE = "letters, digits, '.', '_' and '-', not starting with '.' or '-'";

    private EntryName() {}

    public static boolean valid(String name) {
        return PATTERN.matcher(name).matches();
    }
}
