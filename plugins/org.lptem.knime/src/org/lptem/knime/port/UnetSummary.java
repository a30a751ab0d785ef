package org.lptem.knime.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The text of the U-Net port view: the ONNX signature, the architecture and the training curve, the last two read
 * from the training record (keys of {@code org.lptem.segment.unet.TrainingRecord}). Jackson is KNIME's own JSON
 * library, so reading the record costs the node layer no dependency.
 */
final class UnetSummary {
    private UnetSummary() {
    }

    static List<String> lines(final String name, final int bytes, final Map<String, long[]> inputs,
        final Map<String, long[]> outputs, final String record) {
        List<String> out = new ArrayList<>();
        out.add("U-Net: " + name);
        out.add(String.format(Locale.ROOT, "ONNX model: %,d bytes", bytes));
        inputs.forEach((t, s) -> out.add("  input  " + t + " " + shape(s)));
        outputs.forEach((t, s) -> out.add("  output " + t + " " + shape(s)));
        if (record == null || record.isBlank()) {
            out.add("");
            out.add("No training record came with this model: architecture and training curve are unknown.");
            return out;
        }
        JsonNode r;
        try {
            r = new ObjectMapper().readTree(record);
        } catch (JsonProcessingException e) {
            out.add("");
            out.add("The training record is not valid JSON: " + e.getOriginalMessage());
            return out;
        }
        JsonNode net = r.path("network");
        if (net.has("depth")) {
            int depth = net.path("depth").asInt();
            int base = net.path("base_channels").asInt();
            List<String> channels = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                channels.add(Integer.toString(base << l));
            }
            out.add("");
            out.add(String.format(Locale.ROOT, "Architecture: %s, %d levels, channels %s, %,d parameters",
                net.path("kind").asText("U-Net"), depth, String.join("/", channels), net.path("parameters").asLong()));
            out.add("  " + net.path("normalisation").asText(""));
        }
        JsonNode t = r.path("training");
        if (t.has("epochs")) {
            out.add(String.format(Locale.ROOT, "Training: %d samples (%d held out), %d epochs, batch %d, %s at "
                + "learning rate %s, %s, %.0f s%s", t.path("samples").asInt(), t.path("validation_samples").asInt(),
                t.path("epochs").asInt(), t.path("batch").asInt(), t.path("optimizer").asText(),
                t.path("learning_rate").asText(), t.path("device").asText(), t.path("seconds").asDouble(),
                r.path("complete").asBoolean(true) ? "" : " (incomplete: a checkpoint)"));
            out.add("  loss: " + t.path("loss").asText("") + "; seed " + r.path("seed").asText());
        }
        if (r.path("data").has("presets")) {
            out.add("Data: simulator presets " + r.path("data").path("presets") + ", crops of "
                + r.path("data").path("crop_px").asInt() + " px");
        }
        if (r.has("command")) {
            out.add("Made by: " + r.path("command").asText());
        }
        JsonNode curve = r.path("curve");
        if (curve.isArray() && !curve.isEmpty()) {
            out.add("");
            out.add("Training curve (best epoch " + r.path("best_epoch").asInt() + "):");
            out.add(String.format(Locale.ROOT, "%6s %14s %16s %16s %9s", "epoch", "training_loss", "validation_loss",
                "validation_dice", "seconds"));
            for (JsonNode p : curve) {
                out.add(String.format(Locale.ROOT, "%6d %14.5f %16.5f %16.4f %9.1f", p.path("epoch").asInt(),
                    p.path("training_loss").asDouble(Double.NaN), p.path("validation_loss").asDouble(Double.NaN),
                    p.path("validation_dice").asDouble(Double.NaN), p.path("seconds").asDouble(Double.NaN)));
            }
        }
        return out;
    }

    private static String shape(final long[] shape) {
        return Arrays.toString(shape).replace("-1", "?");
    }
}
