package salvo.schedule;

import java.util.List;

/** What the scheduler tells an idle worker to do next. */
public sealed interface Work permits Work.Collect, Work.Run, Work.Wait, Work.Stop {

    /** Collect this file (import it) and report its tests. */
    record Collect(String file) implements Work {}

    /** Run these tests of one file, in this order. */
    record Run(String file, List<String> testIds) implements Work {
        public Run {
            testIds = List.copyOf(testIds);
            if (testIds.isEmpty()) {
                throw new IllegalArgumentException("a Run needs at least one test");
            }
        }
    }

    /** Nothing for this worker now; ask again after the next event. */
    record Wait() implements Work {}

    /** Nothing will ever come for this worker: shut it down. */
    record Stop() implements Work {}
}
