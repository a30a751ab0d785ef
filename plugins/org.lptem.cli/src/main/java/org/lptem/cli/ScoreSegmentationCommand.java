package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.io.JsonText;
import org.lptem.io.VideoIO;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.metrics.SegmentationScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem score-segmentation}: how well predicted label images match the true ones. */
@Command(name = "score-segmentation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare predicted label images with ground truth, frame by frame: foreground IoU and Dice, "
                + "DAVIS J (region IoU per true object) and F (boundary F-measure), detection precision, recall and "
                + "F1 at IoU >= 0.5, centroid error (px) and orientation error (degrees, modulo 180, elongated "
                + "objects only).",
                "Label numbers need not correspond: regions are matched by overlap in each frame."})
final class ScoreSegmentationCommand implements Callable<Integer> {

    @Option(names = "--truth", required = true, paramLabel = "LABELS.tif", description = "True label stack.")
    Path truth;

    @Option(names = "--pred", required = true, paramLabel = "LABELS.tif", description = "Predicted label stack.")
    Path pred;

    @Option(names = "--tolerance", paramLabel = "PX",
            description = "Boundary tolerance of F, px (default: DAVIS's, 0.8 %% of the image diagonal).")
    Double tolerance;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SegmentationScorer scorer = new SegmentationScorer(tolerance == null ? Double.NaN : tolerance);
        try (Video t = VideoIO.open(truth); Video p = VideoIO.open(pred)) {
            if (t.frameCount() != p.frameCount() || t.width() != p.width() || t.height() != p.height()) {
                throw new LptemException(pred.toString(), -1, "has " + p.frameCount() + " frames of " + p.width()
                        + " x " + p.height() + " but the truth " + truth + " has " + t.frameCount() + " of "
                        + t.width() + " x " + t.height(), null);
            }
            for (int f = 0; f < t.frameCount(); f++) {
                scorer.add(t.frame(f), p.frame(f));
            }
        }
        SegmentationScores s = scorer.scores();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("truth", truth.toString());
            m.put("pred", pred.toString());
            m.putAll(s.asMap());
            out.print(JsonText.of(m));
        } else {
            out.printf(Locale.ROOT, "truth: %s%npred:  %s%n", truth, pred);
            for (Map.Entry<String, Double> e : s.asMap().entrySet()) {
                out.printf(Locale.ROOT, "%-22s %s%n", e.getKey(), format(e.getKey(), e.getValue()));
            }
        }
        return Main.OK;
    }

    /** Counts as whole numbers, scores to four decimals, NaN as nan. */
    static String format(String name, double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        boolean count = switch (name) {
            case "frames", "truth_objects", "pred_objects", "tp", "fp", "fn", "oriented_pairs" -> true;
            default -> false;
        };
        return count ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
