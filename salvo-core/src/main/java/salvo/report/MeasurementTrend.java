package salvo.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import salvo.model.Measurement;
import salvo.model.TestMeasurement;

/**
 * One quantity across runs, oldest first: where a value drifts toward its limits before it
 * fails. A run that did not measure it has no value (null) there. Pure.
 *
 * @param latest its newest measurement (unit and limits are read from it)
 */
public record MeasurementTrend(String testId, String name, List<Double> values, Measurement latest) {
    public MeasurementTrend {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /**
     * @param runsOldestFirst each run's measurements; a quantity measured twice in one run
     *                        (a loop's rounds) keeps its last value of that run
     */
    public static List<MeasurementTrend> across(List<List<TestMeasurement>> runsOldestFirst) {
        Map<String, Double[]> values = new LinkedHashMap<>();
        Map<String, TestMeasurement> latest = new LinkedHashMap<>();
        for (int run = 0; run < runsOldestFirst.size(); run++) {
            for (TestMeasurement tm : runsOldestFirst.get(run)) {
                values.computeIfAbsent(tm.key(), k -> new Double[runsOldestFirst.size()])[run] = tm.measurement().value();
                latest.put(tm.key(), tm);
            }
        }
        List<MeasurementTrend> trends = new ArrayList<>();
        values.forEach((key, v) -> {
            TestMeasurement last = latest.get(key);
            trends.add(new MeasurementTrend(last.testId(), last.measurement().name(), java.util.Arrays.asList(v),
                    last.measurement()));
        });
        return trends;
    }

    /** The change from the first value to the last it has, 0 with fewer than two. */
    public double drift() {
        List<Double> present = values.stream().filter(java.util.Objects::nonNull).toList();
        return present.size() < 2 ? 0 : present.get(present.size() - 1) - present.get(0);
    }
}
