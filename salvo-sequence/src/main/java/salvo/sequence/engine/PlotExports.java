package salvo.sequence.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import salvo.sequence.plot.Plot;

/** plot's export action (§3.13): every point as CSV, or a PDF drawn by matplotlib in python_bin when it has it. */
final class PlotExports {
    private static final String PDF_SCRIPT = String.join("\n",
            "import csv, sys",
            "import matplotlib",
            "matplotlib.use('Agg')",
            "import matplotlib.pyplot as plt",
            "lines = {}",
            "for row in csv.DictReader(open(sys.argv[1])):",
            "    lines.setdefault(row['line'], ([], []))",
            "    lines[row['line']][0].append(float(row['time']))",
            "    lines[row['line']][1].append(float(row['value']))",
            "for name, (t, v) in lines.items():",
            "    plt.plot(t, v, label=name)",
            "plt.xlabel('s')",
            "plt.title(sys.argv[3])",
            "plt.legend()",
            "plt.savefig(sys.argv[2])");

    private final Engine engine;

    PlotExports(Engine engine) {
        this.engine = engine;
    }

    /** export: f.csv (every point), or f.pdf when matplotlib is importable in python_bin. */
    Result export(Plot plot, Frame frame) throws IOException {
        String name = frame.expandText(frame.step.field("value"));
        Path target = Path.of("").toAbsolutePath().resolve(name).normalize();
        if (!Files.isDirectory(target.getParent())) {
            return Result.fail("plot export: the folder " + target.getParent() + " does not exist");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            Files.writeString(target, plot.csv());
            return new Result(Verdict.PASS, target.toString(), "", Map.of("file", target.toString()));
        }
        if (!lower.endsWith(".pdf")) {
            return Result.fail("plot export: '" + name + "' is neither .csv nor .pdf");
        }
        String python = engine.helpers().settings().python();
        if (run(List.of(python, "-c", "import matplotlib"), frame) != 0) {
            return Result.fail("plot export to " + name + " needs a plotting backend: matplotlib is not importable in "
                    + python + " (pip install matplotlib), or export to .csv");
        }
        Path csv = Files.createTempFile("salvo-plot-", ".csv");
        try {
            Files.writeString(csv, plot.csv());
            int code = run(List.of(python, "-c", PDF_SCRIPT, csv.toString(), target.toString(), plot.name()), frame);
            return code == 0 ? new Result(Verdict.PASS, target.toString(), "", Map.of("file", target.toString()))
                    : Result.fail("plot export to " + name + ": matplotlib failed (status " + code + ")");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private int run(List<String> command, Frame frame) throws IOException {
        return ChildProcess.run(command, engine.testDirectory(), frame.stop, engine.control(), frame::log).exitCode();
    }
}
