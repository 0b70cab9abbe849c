package salvo.coordinator;

import java.time.Duration;
import salvo.schedule.DistMode;

/**
 * How persistent workers are run, whatever their adapter.
 *
 * @param workers           how many workers at most
 * @param dist              how tests are spread over them
 * @param maxTestsPerWorker replace a worker after this many tests; 0 for never
 * @param maxWorkerRestarts how many crashed workers may be replaced before the run gives up
 * @param jobTimeout        the limit on one job: starting up, collecting a unit, one test, shutting down
 * @param hangGrace         how long a worker may live on after its session ended
 */
public record PersistentSettings(int workers, DistMode dist, int maxTestsPerWorker, int maxWorkerRestarts,
                                 Duration jobTimeout, Duration hangGrace) {
    /** How many workers to start for a plan of {@code units} units: never more than there are units, except for --dist each. */
    public int workersFor(int units) {
        return Math.max(1, dist == DistMode.EACH ? workers : Math.min(workers, units));
    }
}
