package salvo.schedule;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Creates the scheduler for a --dist mode. */
public final class Schedulers {
    private Schedulers() {}

    /**
     * @param mode          the --dist mode
     * @param files         every file to run (rootdir-relative), in discovery order
     * @param fileEstimates expected durations of files from earlier runs; files may be missing
     * @param workers       how many workers the run may use, at least 1
     */
    public static Scheduler create(DistMode mode, List<String> files, Map<String, Duration> fileEstimates,
            int workers) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(fileEstimates, "fileEstimates");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        Set<String> distinct = new HashSet<>();
        for (String file : files) {
            if (!distinct.add(Objects.requireNonNull(file, "a file is null"))) {
                throw new IllegalArgumentException("file " + file + " is listed twice");
            }
        }
        return switch (mode) {
            // Groups are honoured in every shared mode; the plugin reads xdist_group as a serial group.
            case LOAD, LOADGROUP -> new PoolScheduler(new LoadDistribution(), files, fileEstimates, workers);
            case LOADFILE -> new PoolScheduler(new FileDistribution(), files, fileEstimates, workers);
            case LOADSCOPE -> new PoolScheduler(new ScopeDistribution(), files, fileEstimates, workers);
            case EACH -> new EachScheduler(FileCollection.longestFirst(files, fileEstimates), workers);
            case NO -> new SingleWorkerScheduler(files);
        };
    }
}
