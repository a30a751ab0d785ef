package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;

class TrainingRecordTest {

    private static final List<EpochResult> CURVE = List.of(new EpochResult(1, 0.9, 0.7, 0.40, 2),
            new EpochResult(2, 0.6, 0.5, 0.61, 2), new EpochResult(3, 0.5, 0.5, 0.62, 2),
            new EpochResult(4, 0.4, 0.55, 0.60, 2));

    @Test
    void theBestEpochIsTheFirstWithTheLowestValidationLoss() {
        // epochs 2 and 3 tie; the trainer keeps the first, so must the record
        assertEquals(2, TrainingRecord.bestEpoch(CURVE));
        assertEquals(0, TrainingRecord.bestEpoch(List.of()));
    }

    @Test
    void recordsNetworkTrainingDataAndCurve() {
        Map<String, float[]> w = new LinkedHashMap<>();
        w.put("a", new float[10]);
        w.put("b", new float[5]);
        UnetWeights weights = new UnetWeights(new UnetConfig(3, 4), w);
        TrainingSettings settings = new TrainingSettings(20, 4, 2, 0.002, 0.1, 9);
        TrainingRecord record = new TrainingRecord("KNIME U-Net Learner", new UnetConfig(3, 4), settings,
                Augmentation.defaults(), Map.of("seed", 9L), ExecutionDevice.CPU, 1);
        Map<String, Object> r = record.toMap(CURVE, weights, true, 8.5);
        assertEquals(List.of("command", "complete", "seed", "network", "training", "data", "best_epoch", "curve"),
                List.copyOf(r.keySet()));
        assertEquals("KNIME U-Net Learner", r.get("command"));
        Map<?, ?> net = (Map<?, ?>) r.get("network");
        assertEquals(3, net.get("depth"));
        assertEquals(4, net.get("base_channels"));
        assertEquals(15L, net.get("parameters"));
        Map<?, ?> training = (Map<?, ?>) r.get("training");
        assertEquals(2, training.get("validation_samples"));
        assertEquals("CPU", training.get("device"));
        assertEquals(8.5, training.get("seconds"));
        assertEquals(2, r.get("best_epoch"));
        List<?> curve = (List<?>) r.get("curve");
        assertEquals(4, curve.size());
        assertEquals(0.55, ((Map<?, ?>) curve.get(3)).get("validation_loss"));
        assertEquals(0.61, ((Map<?, ?>) curve.get(1)).get("validation_dice"));
    }

    @Test
    void readsTheFramesAveragedInItsData() {
        assertEquals(java.util.OptionalInt.of(3), TrainingRecord.averagedFrames(DefaultUnet.mean3Record()));
        assertEquals(java.util.OptionalInt.of(1), TrainingRecord.averagedFrames(DefaultUnet.record()));
        assertEquals(java.util.OptionalInt.empty(), TrainingRecord.averagedFrames("not json"));
        assertEquals(java.util.OptionalInt.empty(), TrainingRecord.averagedFrames("{\"command\": \"x\"}"));
    }

    @Test
    void theRecordLiesBesideTheModelAndItsFrameCountIsEnforced(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertEquals(dir.resolve("unet.json"), TrainingRecord.beside(dir.resolve("unet.onnx")));
        // a model without the extension must not get its own name as its record's
        assertEquals(dir.resolve("unet.json"), TrainingRecord.beside(dir.resolve("unet")));
        java.nio.file.Path model = java.nio.file.Files.writeString(dir.resolve("m.onnx"), "not read here");
        TrainingRecord.checkAveragedFrames(model, 3); // no record: nothing to check
        java.nio.file.Files.writeString(dir.resolve("m.json"), "{\"data\": {\"averaged_frames\": 3}}");
        TrainingRecord.checkAveragedFrames(model, 3);
        org.lptem.core.LptemException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.lptem.core.LptemException.class, () -> TrainingRecord.checkAveragedFrames(model, 1));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("m.onnx")
                && e.getMessage().contains("3 frame(s)"), e.getMessage());
        TrainingRecord.checkAveragedFrames("{\"data\": {}}", 1, "single-frame model");
        org.junit.jupiter.api.Assertions.assertThrows(org.lptem.core.LptemException.class,
                () -> TrainingRecord.checkAveragedFrames("{\"data\": {}}", 3, "single-frame model"));
        TrainingRecord.checkAveragedFrames("", 5, "a model without record");
    }
}
