package org.lptem.segment.onnx;

import org.lptem.ml.onnx.OnnxGraphBuilder;
import java.util.List;

/**
 * Builds a difference-of-Gaussians blob detector as an ONNX probability model: {@code sigmoid(gain * (DoG * x -
 * threshold))} on the standardised frame. It is the classical DoG detector expressed as a network, so the same
 * inference path that runs trained U-Nets can run (and test) a model whose response is known analytically.
 */
public final class BlobFilterModel {
    private BlobFilterModel() {
    }

    /**
     * @param sigmaPx Gaussian scale of the blobs to find, px
     * @param darkParticles true for particles darker than the background (TEM bright field)
     * @param threshold DoG response (in standardised units) at which the probability is 0.5
     * @param gain steepness of the sigmoid
     */
    public static byte[] build(double sigmaPx, boolean darkParticles, double threshold, double gain) {
        if (!(sigmaPx > 0)) {
            throw new org.lptem.core.LptemException("blob sigma must be > 0 px, got " + sigmaPx);
        }
        int radius = (int) Math.ceil(3 * sigmaPx * 1.6);
        int k = 2 * radius + 1;
        float[] kernel = new float[k * k];
        double sign = darkParticles ? -1 : 1;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double r2 = x * x + y * y;
                double dog = gauss(r2, sigmaPx) - gauss(r2, 1.6 * sigmaPx);
                kernel[(y + radius) * k + x + radius] = (float) (sign * dog);
            }
        }
        return new OnnxGraphBuilder("dog-blob-filter")
                .doc("Difference-of-Gaussians blob probability, sigma " + sigmaPx + " px, "
                        + (darkParticles ? "dark" : "bright") + " particles")
                .input("image", OnnxGraphBuilder.FLOAT, 1L, 1L, "height", "width")
                .output("probability", OnnxGraphBuilder.FLOAT, 1L, 1L, "height", "width")
                .initializer("dog_kernel", kernel, 1, 1, k, k)
                .initializer("gain", new float[] {(float) gain}, 1)
                .initializer("threshold", new float[] {(float) threshold}, 1)
                .node("Conv", List.of("image", "dog_kernel"), List.of("response"),
                        OnnxGraphBuilder.attrs("kernel_shape", new long[] {k, k},
                                "pads", new long[] {radius, radius, radius, radius}))
                .node("Sub", List.of("response", "threshold"), List.of("shifted"))
                .node("Mul", List.of("shifted", "gain"), List.of("logit"))
                .node("Sigmoid", List.of("logit"), List.of("probability"))
                .build();
    }

    private static double gauss(double r2, double sigma) {
        return Math.exp(-r2 / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
    }
}
