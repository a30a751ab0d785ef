package org.lptem.segment.onnx;

import org.lptem.ml.onnx.OnnxModel;
import java.util.Map;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;

/**
 * A segmentation network that maps one grey frame to a per-pixel particle probability: one input of shape
 * [1, 1, H, W] and one output of shape [1, 1, H, W] with values in [0, 1] (the contract of the project's U-Nets).
 * The frame is standardised (zero mean, unit standard deviation) first, so models are independent of detector gain
 * and bit depth; training uses the same standardisation.
 *
 * <p>Frames larger than a tile are run tile by tile: overlapping tiles of the standardised frame, of which only the
 * centre (the tile less a margin on each side, except at the frame's borders) is kept, so each pixel's probability
 * comes from a tile in which it has at least the margin of context. Tiles start on a grid of {@value #TILE_ALIGN_PX}
 * px, so a network's pooling steps see the same pixel grid as on the whole frame.
 */
public final class ProbabilityModel implements AutoCloseable {
    /** Tiles of the default size hold a 1024 x 1024 frame whole. */
    public static final int DEFAULT_TILE_PX = 1024;
    public static final int DEFAULT_MARGIN_PX = 64;
    /** Tile origins are multiples of this: the downsampling factor of U-Nets up to six levels deep. */
    public static final int TILE_ALIGN_PX = 32;

    private final OnnxModel model;
    private final String input;
    private final String output;
    private final int tilePx;
    private final int marginPx;
    private long onnxNanos;

    public ProbabilityModel(OnnxModel model) {
        this(model, DEFAULT_TILE_PX, DEFAULT_MARGIN_PX);
    }

    /**
     * The network in {@code file}, checked to be a probability model; a file that is not one is closed again (its
     * session holds native, on CUDA device, memory) before the error names it.
     */
    public static ProbabilityModel load(java.nio.file.Path file, org.lptem.ml.onnx.ExecutionDevice device) {
        OnnxModel onnx = OnnxModel.load(file, device);
        try {
            return new ProbabilityModel(onnx);
        } catch (RuntimeException e) {
            onnx.close();
            throw e;
        }
    }

    /**
     * @param tilePx largest tile side run at once, a multiple of {@value #TILE_ALIGN_PX}
     * @param marginPx context kept around each tile's centre, a multiple of {@value #TILE_ALIGN_PX} below a quarter
     *     of the tile
     */
    public ProbabilityModel(OnnxModel model, int tilePx, int marginPx) {
        if (tilePx < 2 * TILE_ALIGN_PX || tilePx % TILE_ALIGN_PX != 0 || marginPx < 0
                || marginPx % TILE_ALIGN_PX != 0 || 4 * marginPx >= tilePx) {
            throw new LptemException("tiles need a side that is a multiple of " + TILE_ALIGN_PX + " px (>= "
                    + 2 * TILE_ALIGN_PX + ") and a margin that is a multiple of " + TILE_ALIGN_PX
                    + " px below a quarter of it; got tile " + tilePx + " px, margin " + marginPx + " px");
        }
        this.model = model;
        this.input = single(model.inputs(), "input");
        this.output = single(model.outputs(), "output");
        this.tilePx = tilePx;
        this.marginPx = marginPx;
    }

    private String single(Map<String, long[]> tensors, String what) {
        if (tensors.size() != 1) {
            throw new LptemException(model.name(), -1, "a probability model needs exactly one " + what
                    + " of shape [1,1,H,W], found " + tensors.keySet(), null);
        }
        Map.Entry<String, long[]> e = tensors.entrySet().iterator().next();
        long[] shape = e.getValue();
        if (shape.length != 4 || (shape[1] != 1 && shape[1] != -1)) {
            throw new LptemException(model.name(), -1, what + " '" + e.getKey() + "' has shape "
                    + java.util.Arrays.toString(shape) + ", expected [1,1,H,W]", null);
        }
        return e.getKey();
    }

    /** Probability per pixel, row-major, same size as the frame. */
    public float[] predict(Frame frame) {
        int width = frame.width();
        int height = frame.height();
        float[] x = standardised(frame.toFloat());
        if (width <= tilePx && height <= tilePx) {
            return run(x, width, height);
        }
        float[] p = new float[x.length];
        int step = tilePx - 2 * marginPx;
        for (int y0 = 0; y0 < height; y0 += step) {
            int[] ty = tileSpan(y0, height);
            for (int x0 = 0; x0 < width; x0 += step) {
                int[] tx = tileSpan(x0, width);
                float[] tile = new float[tx[1] * ty[1]];
                for (int r = 0; r < ty[1]; r++) {
                    System.arraycopy(x, (ty[0] + r) * width + tx[0], tile, r * tx[1], tx[1]);
                }
                float[] pt = run(tile, tx[1], ty[1]);
                int xEnd = Math.min(x0 + step, width);
                for (int y = y0; y < Math.min(y0 + step, height); y++) {
                    System.arraycopy(pt, (y - ty[0]) * tx[1] + x0 - tx[0], p, y * width + x0, xEnd - x0);
                }
            }
        }
        return p;
    }

    /** {start, length} of the tile whose centre holds [from, from + step) along an axis of {@code size} px. */
    private int[] tileSpan(int from, int size) {
        // from - margin is on the grid (steps and margins are multiples of it), so rounding a start clamped to the
        // frame's far side up to the grid still leaves the centre its full margin and reaches the far border
        int start = Math.max(0, Math.min(from - marginPx, size - tilePx));
        start = (start + TILE_ALIGN_PX - 1) / TILE_ALIGN_PX * TILE_ALIGN_PX;
        return new int[] {start, Math.min(tilePx, size - start)};
    }

    private float[] run(float[] x, int width, int height) {
        long t0 = System.nanoTime();
        float[] p = model.run(input, x, new long[] {1, 1, height, width}, output);
        onnxNanos += System.nanoTime() - t0;
        if (p.length != x.length) {
            throw new LptemException(model.name(), -1, "output '" + output + "' has " + p.length
                    + " values for a " + width + " x " + height + " input", null);
        }
        return p;
    }

    /** Time spent inside ONNX Runtime so far, ns: the rest of a segmenter's time is Java pre- and post-processing. */
    public long onnxNanos() {
        return onnxNanos;
    }

    /**
     * The standardisation every probability model sees (and U-Net training uses): zero mean, unit standard deviation
     * over the whole frame; a constant frame is only shifted to zero.
     */
    public static float[] standardised(float[] v) {
        double sum = 0;
        double sumSq = 0;
        for (float f : v) {
            sum += f;
            sumSq += (double) f * f;
        }
        double mean = sum / v.length;
        double std = Math.sqrt(Math.max(sumSq / v.length - mean * mean, 0));
        double scale = std > 0 ? 1 / std : 1;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) * scale);
        }
        return out;
    }

    public String name() {
        return model.name();
    }

    @Override
    public void close() {
        model.close();
    }
}
