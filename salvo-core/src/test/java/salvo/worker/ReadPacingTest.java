package salvo.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadPacingTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ReadPacing pacing = new ReadPacing(now::get);

    @Test
    void aStreamThatRunsDryAgainSoonIsBusyAndItsReaderPauses() {
        assertFalse(pacing.ranDry(), "the first time dry: nothing says the stream is busy");
        now.addAndGet(ReadPacing.BUSY_NANOS / 2);
        assertTrue(pacing.ranDry());
        now.addAndGet(ReadPacing.BUSY_NANOS * 2);
        assertFalse(pacing.ranDry(), "a quiet stream is read at once");
    }

    @Test
    void theEndOfAJobIsReadAtOnceUntilTheWorkerIsAnswered() {
        pacing.ranDry();
        pacing.hurry();
        now.addAndGet(1_000);
        assertFalse(pacing.ranDry(), "the worker waits for an answer to what comes next");
        now.addAndGet(1_000);
        assertFalse(pacing.ranDry(), "still: the answer has not gone out");
        pacing.answered();
        now.addAndGet(1_000);
        pacing.ranDry(); // may return at once on the permit hurry left: one pause skipped, no more
        now.addAndGet(1_000);
        assertTrue(pacing.ranDry(), "answered: a busy stream is paced again");
    }

    @Test
    void aStreamThatAskedSomethingLatelyIsReadAtOnceForASecond() {
        pacing.ranDry();
        pacing.asked();
        now.addAndGet(1_000);
        assertFalse(pacing.ranDry(), "the test waits for each answer: a pause before its next question would be its own");
        now.addAndGet(ReadPacing.ASKING_NANOS - 2_000);
        assertFalse(pacing.ranDry(), "still within the second");
        now.addAndGet(ReadPacing.BUSY_NANOS / 2 + 1_000);
        assertTrue(pacing.ranDry(), "no question for a second: a busy stream is paced again");
    }

    @Test
    void aReadAfterAPauseStillCountsAsBusy() {
        pacing.ranDry();
        now.addAndGet(1_000);
        assertTrue(pacing.ranDry());
        now.addAndGet(ReadPacing.PAUSE_NANOS + 1_000);
        assertTrue(pacing.ranDry(), "dry again right after the pause: the stream is still busy");
    }
}
