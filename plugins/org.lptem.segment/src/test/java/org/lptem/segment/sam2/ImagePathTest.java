package org.lptem.segment.sam2;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.Frame;
import org.lptem.segment.sam2.ImagePredictor.Decoded;
import org.lptem.segment.sam2.ImagePredictor.Features;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;

class ImagePathTest {

    private static Decoded boxEcho(Convention c, int width, int height, Box box) {
        try (Sam2Models models = Sam2Fixtures.imageModels(c)) {
            ImagePredictor p = new ImagePredictor(models, Normalization.IMAGENET);
            Features f = p.encode(Sam2Fixtures.discs(width, height, 3, new double[] {10, 10}));
            assertArrayEquals(new long[] {1, 256, 64, 64}, f.get("embed").shape());
            assertArrayEquals(new long[] {1, 32, 256, 256}, f.get("high_res_0").shape());
            assertArrayEquals(new long[] {1, 64, 128, 128}, f.get("high_res_1").shape());
            Decoded d = p.decode(f, null, Prompt.ofBox(0, 1, box), new PromptTransform(width, height),
                    new MaskPostprocessor(width, height, 256, 0));
            f.close();
            return d;
        }
    }

    @Test
    void aBoxEchoedByTheDecoderLandsOnTheBoxPixelsOfANonSquareFrame() {
        // 320 x 192: x scales by 3.2 and y by 5.33 into the model frame; this box's edges fall on low-res cell edges
        Box box = new Box(40, 30, 99, 89);
        for (Convention c : new Convention[] {Convention.IMAGE_A, Convention.IMAGE_B}) {
            Decoded d = boxEcho(c, 320, 192, box);
            assertEquals(0.9f, d.iou(), 1e-6f, "the echo is the mask with the highest predicted IoU");
            for (int y = 0; y < 192; y++) {
                for (int x = 0; x < 320; x++) {
                    boolean expected = x >= 40 && x <= 99 && y >= 30 && y <= 89;
                    assertEquals(expected, d.mask().contains(x, y), c + ": pixel (" + x + ", " + y + ")");
                }
            }
            assertEquals(60 * 60, d.mask().area());
        }
    }

    @Test
    void anyBoxLandsWithinAPixel() {
        Box box = new Box(33, 20, 71, 50);
        Decoded d = boxEcho(Convention.IMAGE_A, 250, 170, box);
        Box b = d.mask().bounds();
        assertEquals(33, b.x0(), 1);
        assertEquals(71, b.x1(), 1);
        assertEquals(20, b.y0(), 1);
        assertEquals(50, b.y1(), 1);
        for (int y = 0; y < 170; y++) {
            for (int x = 0; x < 250; x++) {
                if (x >= 35 && x <= 69 && y >= 22 && y <= 48) {
                    assertTrue(d.mask().contains(x, y));
                }
                if (x < 31 || x > 73 || y < 18 || y > 52) {
                    assertFalse(d.mask().contains(x, y));
                }
            }
        }
    }

    @Test
    void aMaskPromptComesBackThroughTheMaskInput() {
        int w = 200;
        int h = 120;
        boolean[] disc = new boolean[w * h];
        for (int i = 0; i < disc.length; i++) {
            double dx = i % w - 120;
            double dy = i / w - 50;
            disc[i] = dx * dx + dy * dy <= 20 * 20;
        }
        for (Convention c : new Convention[] {Convention.IMAGE_A, Convention.IMAGE_B}) {
            try (Sam2Models models = Sam2Fixtures.imageModels(c)) {
                ImagePredictor p = new ImagePredictor(models, Normalization.HALF);
                Features f = p.encode(Sam2Fixtures.discs(w, h, 3, new double[] {10, 10}));
                Decoded d = p.decode(f, null, Prompt.ofMask(0, 1, disc), new PromptTransform(w, h),
                        new MaskPostprocessor(w, h, 256, 0));
                f.close();
                long both = 0;
                long either = 0;
                for (int i = 0; i < disc.length; i++) {
                    boolean m = d.mask().contains(i % w, i / w);
                    both += m && disc[i] ? 1 : 0;
                    either += m || disc[i] ? 1 : 0;
                }
                assertTrue((double) both / either > 0.95, c + ": IoU " + (double) both / either);
            }
        }
    }

    /**
     * SAM2's prompt encoder takes a coordinate as a pixel index and adds half a pixel itself: a pixel of a 1024
     * frame is its own model coordinate, and a box's corners are its first and last pixels. Adding the half pixel
     * here as well shifted every prompt twice.
     */
    @Test
    void coordinatesMapBothWays() {
        PromptTransform square = new PromptTransform(1024, 1024);
        assertEquals(512, square.toModelX(512), 1e-12);
        assertEquals(512, square.toModelY(512), 1e-12);
        assertArrayEquals(new float[] {512, 512, 100, 200, 300, 400},
                square.points(new Prompt(0, 1, new Box(100, 200, 300, 400),
                        java.util.List.of(new Prompt.Point(512, 512, true)), null))[0]);
        PromptTransform t = new PromptTransform(320, 192);
        // the frame's outer edges land on the model frame's once the encoder adds its half pixel
        assertEquals(-0.5, t.toModelX(-0.5), 1e-12);
        assertEquals(1023.5, t.toModelX(319.5), 1e-12);
        assertEquals(1023.5, t.toModelY(191.5), 1e-12);
        assertEquals(17.25, t.toFrameX(t.toModelX(17.25)), 1e-12);
        assertEquals(3.5, t.toFrameY(t.toModelY(3.5)), 1e-12);
        float[][] pts = t.points(new Prompt(0, 1, new Box(40, 30, 99, 89),
                java.util.List.of(new Prompt.Point(50, 60, true), new Prompt.Point(0, 0, false)), null));
        // x scales by 3.2, y by 16/3; the box covers model columns 128..319 and rows 160..479
        assertArrayEquals(new float[] {161.1f, RowToModel.y(60), 1.1f, RowToModel.y(0), 128, 160, 319, 479}, pts[0],
                1e-3f);
        assertArrayEquals(new float[] {1, 0, 2, 3}, pts[1]);
        assertArrayEquals(new float[] {-1}, t.points(Prompt.ofMask(0, 1, new boolean[320 * 192]))[1]);
    }

    /** Model y of a frame row of the 192-row frame. */
    private static final class RowToModel {
        static float y(double row) {
            return (float) ((row + 0.5) * 1024 / 192 - 0.5);
        }
    }

    @Test
    void greyBecomesThreeNormalisedChannels() {
        Frame f = Frame.ofBytes(2, 1, new byte[] {0, (byte) 255});
        float[] image = new Sam2Preprocessor(Normalization.IMAGENET, 4).prepare(f);
        assertEquals(3 * 16, image.length);
        assertEquals((0 - 0.485f) / 0.229f, image[0], 1e-5f);
        assertEquals((1 - 0.485f) / 0.229f, image[3], 1e-5f);
        assertEquals((1 - 0.456f) / 0.224f, image[16 + 3], 1e-5f);
        assertEquals((0 - 0.406f) / 0.225f, image[32], 1e-5f);
        float[] half = new Sam2Preprocessor(Normalization.HALF, 4).prepare(f);
        assertEquals(-1, half[0], 1e-6f);
        assertEquals(1, half[35], 1e-6f);
        // a 16-bit frame is stretched between its 0.1 and 99.9 percentiles
        short[] s = new short[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (1000 + i);
        }
        float[] unit = Sam2Preprocessor.unitRange(Frame.ofShorts(1000, 1, s, false));
        assertEquals(0, unit[0], 1e-6f);
        assertEquals(1, unit[999], 1e-6f);
        assertEquals(0.5, unit[500], 0.01);
    }

    /**
     * The encoder input, built a row at a time into a direct buffer after whatever the buffer held, is the resized
     * unit-range frame normalised per channel, for frames smaller and larger than the model in either direction,
     * one preprocessor reused across frame sizes.
     */
    @Test
    void encoderInputIsTheResizedFrameNormalisedPerChannel() {
        Sam2Preprocessor pre = new Sam2Preprocessor(Normalization.IMAGENET, 24);
        java.util.Random random = new java.util.Random(5);
        java.nio.FloatBuffer direct = org.lptem.ml.onnx.OnnxModel.directFloats(2 + 3 * 24 * 24);
        for (int[] size : new int[][] {{37, 11}, {9, 50}, {24, 24}, {30, 20}}) {
            byte[] pixels = new byte[size[0] * size[1]];
            random.nextBytes(pixels);
            short[] wide = new short[pixels.length];
            for (int i = 0; i < wide.length; i++) {
                wide[i] = (short) (300 + 40 * pixels[i]);
            }
            // the last size is a 16-bit frame (stretched between percentiles), the others 8-bit
            Frame f = size[0] == 30 ? Frame.ofShorts(size[0], size[1], wide, false)
                    : Frame.ofBytes(size[0], size[1], pixels);
            float[] unit = Sam2Preprocessor.unitRange(f);
            float[] fromCopy = f.toFloat();
            float lo = f.type() == org.lptem.core.PixelType.UINT8 ? 0 : Sam2Preprocessor.percentiles(fromCopy)[0];
            float hi = f.type() == org.lptem.core.PixelType.UINT8 ? 255 : Sam2Preprocessor.percentiles(fromCopy)[1];
            for (int i = 0; i < unit.length; i++) {
                assertEquals(Math.max(0, Math.min(1, (fromCopy[i] - lo) * (1 / (hi - lo)))), unit[i], 0f);
            }
            float[] grey = Sam2Preprocessor.unitRange(f);
            float[] resized = new float[24 * 24];
            Resampler.resample(grey, size[0], size[1], new Resampler(size[0], 24), new Resampler(size[1], 24), 0, 24,
                    0, 24, resized);
            direct.clear();
            direct.put(7f).put(7f);
            pre.prepare(f, direct);
            assertEquals(direct.capacity(), direct.position(), "the input ends where the buffer's position is left");
            assertEquals(7f, direct.get(1), "what the buffer held before is kept");
            float[] heap = pre.prepare(f);
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < resized.length; i++) {
                    float expected = (resized[i] - Normalization.IMAGENET.mean(c)) / Normalization.IMAGENET.std(c);
                    assertEquals(expected, direct.get(2 + c * resized.length + i), 1e-5f, "channel " + c + ", " + i);
                    assertEquals(expected, heap[c * resized.length + i], 1e-5f);
                }
            }
        }
    }

    /** A whole row resampled at once (padded taps) gives each sample's own weighted sum, shrinking or enlarging. */
    @Test
    void aWholeRowIsEachSamplesWeightedSum() {
        java.util.Random random = new java.util.Random(9);
        for (int[] sizes : new int[][] {{3, 1}, {2, 7}, {13, 5}, {50, 24}, {512, 1024}, {9, 9}}) {
            Resampler r = new Resampler(sizes[0], sizes[1]);
            float[] src = new float[2 + sizes[0]];
            for (int i = 0; i < src.length; i++) {
                src[i] = random.nextFloat() - 0.5f;
            }
            float[] out = new float[1 + sizes[1]];
            r.row(src, 2, out, 1);
            for (int o = 0; o < sizes[1]; o++) {
                assertEquals(r.apply(src, 2, 1, o), out[1 + o], 1e-6f, sizes[0] + " -> " + sizes[1] + ", sample " + o);
            }
        }
    }

    @Test
    void resamplingKeepsConstantsAndInterpolatesLinearly() {
        Resampler up = new Resampler(4, 8);
        float[] ramp = {0, 1, 2, 3};
        float[] out = new float[8];
        Resampler.resample(ramp, 4, 1, up, new Resampler(1, 1), 0, 8, 0, 1, out);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1.25f, 1.75f, 2.25f, 2.75f, 3}, out, 1e-6f);
        Resampler down = new Resampler(8, 2);
        float[] flat = new float[8];
        java.util.Arrays.fill(flat, 5);
        float[] two = new float[2];
        Resampler.resample(flat, 8, 1, down, new Resampler(1, 1), 0, 2, 0, 1, two);
        assertArrayEquals(new float[] {5, 5}, two, 1e-6f);
    }

    @Test
    void aResampledWindowIsTheSeparableSumOfEachOutputPixelsTaps() {
        int inW = 13;
        int inH = 11;
        float[] in = new float[inW * inH];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextFloat();
        }
        // enlarging rows and shrinking (or keeping) columns, in a window away from every edge and in the whole output
        Resampler y = new Resampler(inH, 29);
        for (int[] win : new int[][] {{1, 4, 3, 20}, {0, 5, 0, 29}, {2, 13, 0, 29}, {0, 13, 5, 6}}) {
            Resampler x = new Resampler(inW, win[1] <= 5 ? 5 : inW);
            int w = win[1] - win[0];
            float[] out = new float[w * (win[3] - win[2])];
            Resampler.resample(in, inW, inH, x, y, win[0], win[1], win[2], win[3], out);
            for (int oy = win[2]; oy < win[3]; oy++) {
                for (int ox = win[0]; ox < win[1]; ox++) {
                    double expected = 0;
                    for (int r = y.start(oy); r <= y.end(oy); r++) {
                        float[] column = new float[inH];
                        column[r] = 1;
                        expected += y.apply(column, 0, 1, oy) * x.apply(in, r * inW, 1, ox);
                    }
                    assertEquals(expected, out[(oy - win[2]) * w + ox - win[0]], 1e-5, "pixel " + ox + ", " + oy);
                }
            }
        }
    }

    @Test
    void smallHolesAreFilledLargeOnesKept() {
        int w = 12;
        int h = 12;
        float[] logits = new float[w * h];
        java.util.Arrays.fill(logits, -1);
        for (int y = 1; y <= 10; y++) {
            for (int x = 1; x <= 10; x++) {
                logits[y * w + x] = 1;
            }
        }
        logits[3 * w + 3] = -1; // a 1-px hole
        for (int y = 6; y <= 8; y++) {
            for (int x = 6; x <= 8; x++) {
                logits[y * w + x] = -1; // a 9-px hole
            }
        }
        // twice with one postprocessor: its reused flood-fill buffers start clean every time
        MaskPostprocessor post = new MaskPostprocessor(w, h, 256, 8);
        for (int run = 0; run < 2; run++) {
            ObjectMask m = post.fromFullRes(logits);
            assertTrue(m.contains(3, 3), "run " + run);
            assertFalse(m.contains(7, 7), "run " + run);
            assertEquals(100 - 9, m.area(), "run " + run);
        }
    }
}
