package salvo.sequence.report;

/**
 * One row of the report's tests table (SEQUENCES.md §6.1), column for column.
 *
 * @param timestampStart ticks of 0.1 ms since the run started
 * @param parentId       null for main
 * @param reportKey      the item's key, or null
 * @param duration       ticks of 0.1 ms
 * @param log            what the item printed (with log_stored), or null
 * @param data           a JSON object, keys sorted
 */
public record ReportRow(long timestampStart, int testId, Integer parentId, int level, String testName, String testType,
                        String reportKey, String result, String message, long duration, String log, String data) {}
