package salvo.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunSettingsTest {
    @Test
    void theDefaultIsolationForksOnLinuxRunsTheForegroundAloneAndFeedsWorkersElsewhere() {
        boolean linux = System.getProperty("os.name", "").equals("Linux");
        assertEquals(linux ? "fork" : "fresh", RunSettings.defaultIsolation(true, false));
        assertEquals("fresh", RunSettings.defaultIsolation(true, true), "-w 0: one process in the foreground");
        assertEquals("persistent", RunSettings.defaultIsolation(false, false), "--tx, --serve");
    }
}
