package salvo.store;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log, silenced: it reports every step at info level and warns that it has not been
 * tested with this SQLite, noise on every command that opens a file it upgrades. Its failures
 * reach Salvo as exceptions, which become one-line errors.
 *
 * <p>Public, with a public constructor, only because Flyway instantiates its loggers by class name.
 */
public final class QuietFlywayLog implements LogCreator, Log {
    public QuietFlywayLog() {}

    @Override
    public Log createLogger(Class<?> type) {
        return this;
    }

    @Override
    public void debug(String message) {}

    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {}

    @Override
    public void error(String message) {}

    @Override
    public void error(String message, Exception e) {}

    @Override
    public void notice(String message) {}
}
