package salvo.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sqlite.SQLiteErrorCode;
import salvo.error.SalvoError;
import salvo.model.Text;

/** Turns SQLite's exceptions into one-line errors that name the store file and what to do. */
final class SqliteFailure {
    // sqlite-jdbc writes "[SQLITE_BUSY] The database file is locked (database is locked)";
    // the part in parentheses is SQLite's own message for this case.
    private static final Pattern DRIVER_MESSAGE = Pattern.compile("^\\[\\w+] .*\\((.*)\\)$", Pattern.DOTALL);

    private SqliteFailure() {}

    /** SQLite's reason, without the driver's decoration. */
    static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Matcher m = DRIVER_MESSAGE.matcher(message);
        return Text.oneLine(m.matches() ? m.group(1) : message);
    }

    static boolean isNotADatabase(SQLException e) {
        int code = primaryCode(e);
        return code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code;
    }

    static SalvoError notASalvoDatabase(Path file, String reason) {
        return SalvoError.usage("store " + file + " is not a Salvo database (" + reason
                + "): move it aside to start a new history");
    }

    /** @param action what the store was doing, as a verb phrase: "save the run" */
    static SalvoError of(Path file, String action, SQLException e) {
        int code = primaryCode(e);
        String head = "store " + file + " could not " + action + " (" + reason(e) + "): ";
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return SalvoError.usage(head + "the file is damaged; move it aside to start a new history", e);
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return SalvoError.usage(head + "another Salvo kept it locked; try again when that one finishes", e);
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code
                || code == SQLiteErrorCode.SQLITE_PERM.code || code == SQLiteErrorCode.SQLITE_AUTH.code) {
            return SalvoError.usage(head + "check that you may write the file and its directory", e);
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return SalvoError.usage(head + "free some disk space and run again", e);
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code) {
            return SalvoError.usage(head + "check the disk the file is on", e);
        }
        return SalvoError.internal(head + "this is a Salvo bug; please report it with this message", e);
    }

    // Extended result codes (e.g. SQLITE_IOERR_SHORT_READ) keep the primary code in the low byte.
    private static int primaryCode(SQLException e) {
        return e.getErrorCode() & 0xff;
    }
}
