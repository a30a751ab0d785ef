package org.lptem.leonardo;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.torch.Torch;

/**
 * Throughput of a configuration on the given windows: training trajectories per second (forward, loss, backward and
 * AdamW step, after one warm-up epoch), generation trajectories per second with DJL and with the decoder exported
 * to ONNX Runtime.
 *
 * @param parameters network size
 * @param trainPerSecond training trajectories per second
 * @param generatePerSecond generated trajectories per second (DJL, decode only)
 * @param onnxGeneratePerSecond the same under ONNX Runtime
 */
public record LeonardoBench(long parameters, double trainPerSecond, double generatePerSecond,
        double onnxGeneratePerSecond) {

    public static LeonardoBench run(LeonardoConfig config, TrajectoryWindows windows, int batchSize,
            ExecutionDevice device, int generate, Progress progress) {
        TrainingSettings s = TrainingSettings.defaults().withEpochs(1).withBatchSize(batchSize)
                .withValidationFraction(0).withDevice(device);
        try (NDManager m = Torch.newManager(device)) {
            new LeonardoTrainer(windows, s, progress.sub(0, 0.3), e -> { }).train(config, m, Map.of()).close();
            long t0 = System.nanoTime();
            try (LeonardoModel model = new LeonardoTrainer(windows, s.withSeed(2), progress.sub(0.3, 0.8), e -> { })
                    .train(config, m, Map.of())) {
                double train = windows.size() / ((System.nanoTime() - t0) / 1e9);
                Generator g = new Generator(model);
                g.generate(Math.min(generate, 64), 1, Map.of(), Progress.NONE);
                long t1 = System.nanoTime();
                g.generate(generate, 2, Map.of(), progress.sub(0.8, 0.9));
                double gen = generate / ((System.nanoTime() - t1) / 1e9);
                float[] z = new float[generate * config.codeSize()];
                SplittableRandom r = new SplittableRandom(3);
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) r.nextGaussian();
                }
                double onnx;
                try (OnnxModel decoder = OnnxModel.load("LEONARDO decoder", DecoderOnnx.export(model.vae()),
                        ExecutionDevice.CPU)) {
                    decoder.run(DecoderOnnx.INPUT, java.util.Arrays.copyOf(z, config.codeSize()),
                            new long[] {1, config.codeSize()}, DecoderOnnx.OUTPUT);
                    long t2 = System.nanoTime();
                    for (int from = 0; from < generate; from += 256) {
                        progress.checkCanceled();
                        int n = Math.min(256, generate - from);
                        decoder.run(DecoderOnnx.INPUT, java.util.Arrays.copyOfRange(z, from * config.codeSize(),
                                (from + n) * config.codeSize()), new long[] {n, config.codeSize()}, DecoderOnnx.OUTPUT);
                    }
                    onnx = generate / ((System.nanoTime() - t2) / 1e9);
                }
                progress.report(1, "done");
                return new LeonardoBench(model.vae().parameters().count(), train, gen, onnx);
            }
        }
    }
}
