package org.lptem.knime.port;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lptem.core.Calibration;
import org.lptem.leonardo.EpochLoss;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.LossTerm;
import org.lptem.leonardo.ScaleDistribution;

/** The text of the LEONARDO port view: network sizes, training facts, loss history and scale distribution. */
final class LeonardoSummary {
    private LeonardoSummary() {
    }

    static List<String> lines(final String source, final LeonardoModel model) {
        List<String> out = new ArrayList<>();
        out.add("LEONARDO model: " + source);
        StringBuilder sizes = new StringBuilder();
        model.config().toMap().forEach((k, v) -> sizes.append(sizes.length() > 0 ? ", " : "").append(k).append(' ')
            .append(v));
        out.add(String.format(Locale.ROOT, "Network: %s; %,d parameters", sizes, model.vae().parameters().count()));
        out.add("Training table calibration: " + model.scales().calibration());
        if (!model.info().isEmpty()) {
            out.add("Training: " + String.join(", ", new java.util.TreeMap<>(model.info()).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        }
        history(out, model);
        scales(out, model.scales());
        return out;
    }

    private static void history(final List<String> out, final LeonardoModel model) {
        List<EpochLoss> history = model.history();
        out.add("");
        if (history.isEmpty()) {
            out.add("Loss history: none recorded.");
            return;
        }
        EpochLoss best = history.stream().min(Comparator.comparingDouble(EpochLoss::monitored)).orElseThrow();
        out.add(String.format(Locale.ROOT, "Loss history: %d epochs; weights of epoch %d kept (monitored total "
            + "%.6g)", history.size(), best.epoch(), best.monitored()));
        out.add(String.format(Locale.ROOT, "%6s %14s %16s", "epoch", "train_total", "validation_total"));
        for (EpochLoss e : history) {
            out.add(String.format(Locale.ROOT, "%6d %14.6g %16.6g", e.epoch(), e.trainTotal(), e.validationTotal()));
        }
        boolean validation = !best.validation().isEmpty();
        out.add("");
        out.add("Loss terms at epoch " + best.epoch() + " (" + (validation ? "validation" : "training")
            + ", unweighted, and weight):");
        Map<LossTerm, Double> terms = validation ? best.validation() : best.train();
        for (LossTerm t : LossTerm.values()) {
            Double v = terms.get(t);
            out.add(String.format(Locale.ROOT, "  %-15s %14.6g  x %g", t.key(), v == null ? Double.NaN : v,
                model.weights().get(t)));
        }
    }

    private static void scales(final List<String> out, final ScaleDistribution scales) {
        double[] e = scales.extentsPx();
        out.add("");
        out.add(String.format(Locale.ROOT, "Scale distribution: %d window extents (px): min %.4g, quartiles %.4g / "
            + "%.4g / %.4g, max %.4g", e.length, e[0], quantile(e, 0.25), scales.median(), quantile(e, 0.75),
            e[e.length - 1]));
        Calibration c = scales.calibration();
        if (c.hasPixelSize()) {
            out.add(String.format(Locale.ROOT, "  median extent %.4g nm", c.toNm(scales.median())));
        }
    }

    private static double quantile(final double[] sorted, final double q) {
        return sorted[(int)Math.round(q * (sorted.length - 1))];
    }
}
