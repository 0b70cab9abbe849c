package salvo.pytest;

import salvo.schedule.DistMode;

/**
 * How persistent workers are run.
 *
 * @param workers            how many worker processes at most
 * @param dist               how tests are distributed to them
 * @param maxTestsPerWorker  recycle a worker after this many tests; 0 for never
 * @param maxWorkerRestarts  how many crashed workers may be replaced before the run gives up
 * @param liveOutput         run with pytest's capture off and stream output, prefixed [gwN]
 * @param fork               each worker forks a child per file's work: isolation at nearly persistent speed
 */
public record PersistentOptions(int workers, DistMode dist, int maxTestsPerWorker, int maxWorkerRestarts,
                                boolean liveOutput, boolean fork) {
}
