package salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sequence's checks compare is kept as measurements: a value drifting toward its limit
 * shows in `salvo history` and `salvo compare` before (and when) it fails. Real runs of a real
 * .tum, named on the command line, through the store.
 */
class MeasurementsTest {
    @TempDir
    Path dir;

    private void supplyAt(String volts) {
        Salvo.write(dir, "supply.tum", String.join("\n",
                "main:",
                "  steps:",
                "    - let:",
                "        values:",
                "          - voltage: " + volts,
                "          - vmin: 4.9",
                "          - vmax: 5.1",
                "    - check:",
                "        name: rail",
                "        values:",
                "          - <| $(vmin) < $(voltage) < $(vmax) |>",
                "          - <| $(voltage) != 0 |>",
                "        units: {voltage: V}",
                ""));
    }

    @Test
    void aCheckedValueIsStoredWithItsLimitsAndShownDriftingAcrossRuns() throws Exception {
        for (String v : new String[] {"5.0", "5.04", "5.12"}) {
            supplyAt(v);
            Salvo.run(dir, "run", "supply.tum");
        }
        assertEquals(List.of("voltage 5.0 4.9 5.1 V", "voltage 5.0 - - V", "voltage 5.04 4.9 5.1 V",
                "voltage 5.04 - - V", "voltage 5.12 4.9 5.1 V"), stored(),
                "the failing run measured the value that failed, and no further");

        Salvo.Result history = Salvo.run(dir, "history");
        assertEquals(0, history.exit(), history.toString());
        assertTrue(history.out().contains("supply.tum::1:check  voltage  5 5.04 5.12 V  (+0.12)  limits [4.9, 5.1]"
                + "  OUT OF LIMITS"), history.toString());

        Salvo.Result compare = Salvo.run(dir, "compare");
        assertTrue(compare.out().contains("Measurements that changed (1)\n"
                + "  supply.tum::1:check  voltage  5.04 5.12 V  (+0.08)  limits [4.9, 5.1]  OUT OF LIMITS"), compare.toString());
    }

    /** name value low high unit of every stored measurement, in run order. */
    private List<String> stored() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(".salvo/salvo.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT m.name, m.value, m.low, m.high, m.unit"
                     + " FROM measurements m JOIN unit_results u ON u.id = m.unit_result_id"
                     + " ORDER BY u.run_id, m.test_position, m.ordinal")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getDouble(2) + " " + (rs.getObject(3) == null ? "-" : rs.getDouble(3))
                        + " " + (rs.getObject(4) == null ? "-" : rs.getDouble(4)) + " " + rs.getString(5));
            }
        }
        return rows;
    }
}
