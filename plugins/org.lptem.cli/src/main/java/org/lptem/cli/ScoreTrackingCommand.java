package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.Track;
import org.lptem.io.JsonText;
import org.lptem.io.TracksCsv;
import org.lptem.track.TrackMateXml;
import org.lptem.track.TrackingScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem score-tracking}: how well predicted tracks follow the true ones. */
@Command(name = "score-tracking", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare predicted tracks with ground truth: link recall and precision, Chenouard's alpha, "
                + "beta, JSC, JSC_theta and RMSE (ISBI 2012), MOTA, MOTP and identity switches, IDF1, HOTA.",
                "Tables need frame, particle (or particle_id) and x, y in px; .xml files are read as TrackMate."})
final class ScoreTrackingCommand implements Callable<Integer> {

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Ground-truth tracks.")
    Path truth;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted tracks.")
    Path pred;

    @Option(names = "--gate", defaultValue = "5", paramLabel = "PX",
            description = "Largest distance at which points match, px (default ${DEFAULT-VALUE}, as in ISBI 2012).")
    double gate;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Track> t = read(truth);
        List<Track> p = read(pred);
        TrackingScores s = TrackingScores.of(t, p, gate);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("truth", truth.toString());
            m.put("pred", pred.toString());
            m.put("gate_px", gate);
            m.put("truth_tracks", t.size());
            m.put("pred_tracks", p.size());
            m.putAll(s.asMap());
            out.print(JsonText.of(m));
        } else {
            out.printf(Locale.ROOT, "truth: %s (%d tracks)%npred:  %s (%d tracks)%ngate:  %s px%n", truth, t.size(),
                    pred, p.size(), gate);
            for (Map.Entry<String, Double> e : s.asMap().entrySet()) {
                out.printf(Locale.ROOT, "%-15s %s%n", e.getKey(), format(e.getKey(), e.getValue()));
            }
        }
        return Main.OK;
    }

    static String format(String name, double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return name.equals("id_switches") ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    private static List<Track> read(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml") ? TrackMateXml.read(file)
                : TracksCsv.read(file);
    }
}
