package salvo.sequence.python;

import java.util.Map;

/** Where a helper's tm.add_plot_values and tm.last_plot_value go: the run's plots. */
public interface PlotValues {
    PlotValues NONE = new PlotValues() {
        @Override
        public void add(String plot, Map<?, ?> values) {
            throw new IllegalArgumentException("plot '" + plot + "' is not open");
        }

        @Override
        public Map<String, Object> last(String plot) {
            return Map.of();
        }
    };

    /** @throws IllegalArgumentException when the plot is not open or a value is not a number */
    void add(String plot, Map<?, ?> values);

    /** The last value of each of the plot's lines; empty when it is not open. */
    Map<String, Object> last(String plot);
}
