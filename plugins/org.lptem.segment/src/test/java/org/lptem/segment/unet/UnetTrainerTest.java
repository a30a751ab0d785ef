package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.CanceledException;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;
import org.lptem.testing.NativeMemoryChurn;

class UnetTrainerTest {
    @org.junit.jupiter.api.BeforeAll
    static void oneTorchThread() {
        UnetTestWeights.singleThreadedTorch();
    }

    private static final UnetConfig TINY = new UnetConfig(2, 4);
    private static final TrainingSettings SETTINGS = new TrainingSettings(48, 12, 8, 0.02, 0.25, 42);

    /** Dice at probability 0.5 of a network on samples it did not train on. */
    private static double dice(UnetWeights weights, SampleSource source, int from, int count) {
        double inter = 0;
        double total = 0;
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); Unet net = Unet.of(weights, m)) {
            for (int i = from; i < from + count; i++) {
                Sample s = source.sample(i);
                float[] p = net.predict(s.image(), s.size(), s.size());
                for (int k = 0; k < p.length; k++) {
                    double pred = p[k] >= 0.5 ? 1 : 0;
                    inter += pred * s.mask()[k];
                    total += pred + s.mask()[k];
                }
            }
        }
        return 2 * inter / total;
    }

    @Test
    void aFewEpochsLearnTheBlobs() {
        BlobSamples source = new BlobSamples(32, 1);
        List<EpochResult> seen = new ArrayList<>();
        TrainingResult a = new UnetTrainer(TINY, SETTINGS, Augmentation.defaults(), ExecutionDevice.CPU)
                .train(source, Progress.NONE, (epoch, best) -> seen.add(epoch));
        assertEquals(SETTINGS.epochs(), seen.size());
        assertEquals(a.curve(), seen);
        EpochResult first = a.curve().get(0);
        EpochResult best = a.bestResult();
        assertTrue(best.validationLoss() < 0.7 * first.trainingLoss(), a.curve().toString());

        UnetWeights untrained;
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); Unet net = Unet.create(TINY, 7, m)) {
            untrained = net.weights();
        }
        // samples 1000+ were never seen in training or validation
        double before = dice(untrained, source, 1000, 16);
        double after = dice(a.best(), source, 1000, 16);
        assertTrue(after > 0.7, "trained Dice " + after);
        assertTrue(before < 0.4, "untrained Dice " + before);
    }

    @Test
    void theSameSeedTrainsTheSameWeights() {
        TrainingSettings brief = new TrainingSettings(12, 2, 4, 0.01, 0.25, 9);
        byte[][] models = new byte[3][];
        for (int run = 0; run < 3; run++) {
            TrainingSettings s = run < 2 ? brief : new TrainingSettings(12, 2, 4, 0.01, 0.25, 10);
            models[run] = UnetOnnx.export(new UnetTrainer(TINY, s, Augmentation.defaults(), ExecutionDevice.CPU)
                    .train(new BlobSamples(16, 1), Progress.NONE, (e, w) -> { }).best(), "");
        }
        assertArrayEquals(models[0], models[1]);
        assertFalse(java.util.Arrays.equals(models[0], models[2]));
    }

    @Test
    void theCollectorRunningThroughoutChangesNoWeight() throws Exception {
        TrainingSettings brief = new TrainingSettings(32, 4, 4, 0.01, 0.25, 9);
        byte[] quiet = UnetOnnx.export(new UnetTrainer(TINY, brief, Augmentation.defaults(), ExecutionDevice.CPU)
                .train(new BlobSamples(16, 1), Progress.NONE, (e, w) -> { }).best(), "");
        byte[] busy;
        try (AutoCloseable churn = NativeMemoryChurn.inBackground()) {
            busy = UnetOnnx.export(new UnetTrainer(TINY, brief, Augmentation.defaults(), ExecutionDevice.CPU)
                    .train(new BlobSamples(16, 1), Progress.NONE, (e, w) -> { }).best(), "");
        }
        assertArrayEquals(quiet, busy);
    }

    @Test
    void cancelingStopsTraining() {
        int[] reports = {0};
        Progress cancelAfterTen = new Progress() {
            @Override
            public void report(double fraction, String message) {
                reports[0]++;
            }

            @Override
            public void checkCanceled() {
                if (reports[0] >= 10) {
                    throw new CanceledException();
                }
            }
        };
        UnetTrainer trainer = new UnetTrainer(TINY, SETTINGS, Augmentation.none(), ExecutionDevice.CPU);
        assertThrows(CanceledException.class, () -> trainer.train(new BlobSamples(32, 1), cancelAfterTen,
                (e, w) -> fail("no epoch may finish")));
    }

    @Test
    void samplesThatDoNotFitTheNetworkAreRefused() {
        UnetTrainer trainer = new UnetTrainer(new UnetConfig(4, 2), SETTINGS, Augmentation.none(),
                ExecutionDevice.CPU);
        LptemException e = assertThrows(LptemException.class,
                () -> trainer.train(new BlobSamples(36, 1), Progress.NONE, (r, w) -> { }));
        assertTrue(e.getMessage().contains("multiple of 8"), e.getMessage());
        assertThrows(LptemException.class, () -> new TrainingSettings(1, 1, 1, 0.01, 0.5, 1));
        assertThrows(LptemException.class, () -> new TrainingSettings(10, 1, 1, 1.5, 0.5, 1));
        assertThrows(LptemException.class, () -> new UnetConfig(0, 8));
    }
}
