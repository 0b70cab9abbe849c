package salvo.coordinator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkerJobTest {
    private final Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final WorkerJob job = new WorkerJob(new FakeTransport(java.util.Map.of()).launch(null,
            new salvo.model.WorkerRef("local", "gw1"), signal -> { }), now);

    @Test
    void aRunIsEndingInItsLastFewTestsEachCountedOnceWhetherItRanOrWasNotFound() {
        int tests = WorkerJob.ENDING_TESTS + 2;
        job.run(tests, now);
        job.testStarted("f#t0", now, now);
        assertFalse(job.runEnding());
        job.testFinished("f", now);
        job.testFinished("f", now); // an id not found: finished, never started
        job.testStarted("f#t2", now, now);
        assertTrue(job.runEnding(), "the last " + WorkerJob.ENDING_TESTS + " tests of " + tests);
    }

    @Test
    void aShortRunIsEndingFromItsStart() {
        job.run(WorkerJob.ENDING_TESTS, now);
        assertTrue(job.runEnding());
    }
}
