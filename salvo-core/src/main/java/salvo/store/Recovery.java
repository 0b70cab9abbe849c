package salvo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import salvo.model.RunStatus;

/** Finds the RUNNING runs whose Salvo is gone: killed, crashed, or its machine restarted. */
final class Recovery {
    private static final String RUNNING = "SELECT id, owner_pid, owner_started, owner_host FROM runs"
            + " WHERE status = '" + RunStatus.RUNNING + "' AND owner_pid IS NOT NULL";

    private final Connection connection;
    private final Columns columns;

    Recovery(Connection connection, Columns columns) {
        this.connection = connection;
        this.columns = columns;
    }

    /** The ids of RUNNING runs whose owner is surely gone; an owner that cannot be checked is alive. */
    List<Long> abandoned() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RUNNING)) {
            while (rs.next()) {
                String started = rs.getString("owner_started");
                Owner owner = new Owner(rs.getLong("owner_pid"), started == null ? null : columns.instant(started),
                        rs.getString("owner_host"));
                if (owner.isGone()) {
                    ids.add(rs.getLong("id"));
                }
            }
        }
        return ids;
    }
}
