package org.lptem.segment.sam2;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Segmentation;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;

class VideoTrackingTest {
    private static final int W = 160;
    private static final int H = 96;

    /** A disc of radius 8 moving 1.5 px right and 0.5 px down per frame; a second appears on frame 3. */
    private static List<Frame> frames(int n, boolean second) {
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            double[] a = {40 + 1.5 * f, 40 + 0.5 * f};
            frames.add(second && f >= 3 ? Sam2Fixtures.discs(W, H, 8, a, new double[] {120, 60})
                    : Sam2Fixtures.discs(W, H, 8, a));
        }
        return frames;
    }

    @Test
    void memoryPropagationFollowsAMovingParticle() {
        Sam2Settings settings = Sam2Settings.defaults().withMemory(3, 4);
        try (Sam2Segmenter s = new Sam2Segmenter(Sam2Fixtures.videoModels(), settings,
                List.of(Prompt.ofBox(0, 5, new Box(31, 31, 49, 49))), null)) {
            List<Segmentation> out = new ArrayList<>();
            s.segmentAll(new InMemoryVideo("moving", frames(8, false), null), Progress.NONE, out::add);
            for (int f = 0; f < 8; f++) {
                Segmentation seg = out.get(f);
                assertEquals(1, seg.detections().size(), "frame " + f);
                Detection d = seg.detections().get(0);
                assertEquals(5, d.label(), "the label is the particle id");
                if (f > 0) {
                    // the memory path works on 16-px cells of the model frame: 2.5 x 1.5 px here
                    assertEquals(40 + 1.5 * f, d.x(), 2.5, "frame " + f);
                    assertEquals(40 + 0.5 * f, d.y(), 1.5, "frame " + f);
                }
                assertTrue(seg.labels()[(int) Math.round(d.y()) * W + (int) Math.round(d.x())] == 5);
            }
            MemoryBank bank = s.predictor().memory(5);
            MemoryBank.Inputs in = bank.inputs(new org.lptem.ml.onnx.OnnxModel.Tensor(new float[7 * 64],
                    new long[] {7, 1, 1, 64}));
            assertEquals(3, in.spatialCount());
            assertEquals(4, in.pointerCount());
            assertArrayEquals(new long[] {3, 64, 64, 64}, in.memory().shape());
            assertArrayEquals(new long[] {3 * 4096 + 4 * 4, 1, 64}, in.memoryPosition().shape());
            assertEquals(8, s.timings().frames());
            assertTrue(s.timings().onnxRuntimeMs() > 0);
        }
    }

    /**
     * Detections are measured in each mask's window, or over the frame once the windows together cover as much: the
     * same as moments over the whole label image either way, for particles inside the frame and one cut by its edge
     * (the echo decoder's masks are the boxes prompted, which grow by a quarter per side and frame here).
     */
    @Test
    void detectionsAreTheMomentsOfTheirLabels() {
        List<Prompt> prompts = List.of(Prompt.ofBox(0, 2, new Box(31, 31, 49, 49)),
                Prompt.ofBox(0, 9, new Box(-4, 60, 10, 80)));
        try (Sam2Segmenter s = new Sam2Segmenter(Sam2Fixtures.imageModels(Convention.IMAGE_A),
                Sam2Settings.defaults(), prompts, null)) {
            long covered = 0;
            for (int f = 0; f < 9; f++) {
                Frame frame = frames(9, false).get(f);
                Segmentation seg = s.segment(frame, f);
                assertFalse(seg.detections().isEmpty(), "frame " + f);
                covered = seg.detections().stream().mapToLong(d -> (long) d.area()).sum();
                org.lptem.segment.RegionMoments all = org.lptem.segment.RegionMoments.measure(seg.labels(), 9, W,
                        frame.toFloat());
                for (Detection d : seg.detections()) {
                    int id = d.label();
                    assertEquals(all.area(id), d.area(), 0, "frame " + f + ", particle " + id);
                    assertEquals(all.centroidX(id), d.x(), 1e-9);
                    assertEquals(all.centroidY(id), d.y(), 1e-9);
                    assertEquals(all.orientationDeg(id), d.orientationDeg(), 1e-6);
                    assertEquals(all.majorAxis(id), d.majorAxis(), 1e-9);
                    assertEquals(all.minorAxis(id), d.minorAxis(), 1e-9);
                    assertEquals(all.meanIntensity(id), d.meanIntensity(), 1e-9);
                }
            }
            assertTrue(covered > W * H * 3 / 4, "the last masks are large: " + covered + " px");
        }
    }

    @Test
    void imageOnlyExportsPromptEachFrameWithThePreviousBox() {
        try (Sam2Segmenter s = new Sam2Segmenter(Sam2Fixtures.imageModels(Convention.IMAGE_A),
                Sam2Settings.defaults(), List.of(Prompt.ofBox(0, 1, new Box(30, 30, 59, 59))), null)) {
            List<Frame> frames = frames(3, false);
            Segmentation f0 = s.segment(frames.get(0), 0);
            Segmentation f1 = s.segment(frames.get(1), 1);
            // the echo decoder returns the prompted box: frame 1 got frame 0's box grown by 25% (7.5 px) per side
            assertEquals(30 * 30, f0.detections().get(0).area(), 0);
            assertEquals(44.5, f0.detections().get(0).x(), 1e-9);
            Detection d1 = f1.detections().get(0);
            assertEquals(44.5, d1.x(), 0.5);
            assertEquals(44.5, d1.y(), 0.5);
            assertEquals(45 * 45, d1.area(), 2 * 46);
            LptemException back = assertThrows(LptemException.class, () -> s.segment(frames.get(0), 0));
            assertTrue(back.getMessage().contains("SAM2 propagates forward only"), back.getMessage());
        }
    }

    @Test
    void automaticPromptsFindTheFirstParticlesAndLaterArrivals() {
        ClassicalDetector detector = new ClassicalDetector(DetectorSettings.defaults());
        try (Sam2Segmenter s = new Sam2Segmenter(Sam2Fixtures.videoModels(), Sam2Settings.defaults(), List.of(),
                new AutoPrompter(detector, 0.2))) {
            List<Segmentation> out = new ArrayList<>();
            s.segmentAll(new InMemoryVideo("arrival", frames(6, true), null), Progress.NONE, out::add);
            assertEquals(List.of(1), ids(out.get(0)));
            assertEquals(List.of(1), ids(out.get(2)));
            assertEquals(List.of(1, 2), ids(out.get(3)), "the particle appearing on frame 3 gets a new id");
            assertEquals(List.of(1, 2), ids(out.get(5)));
            Detection second = out.get(5).detections().get(1);
            assertEquals(120, second.x(), 2.5);
            assertEquals(60, second.y(), 1.5);
        }
    }

    private static List<Integer> ids(Segmentation s) {
        return s.detections().stream().map(Detection::label).toList();
    }

    @Test
    void promptsAreNeeded() {
        try (Sam2Models m = Sam2Fixtures.imageModels(Convention.IMAGE_A)) {
            assertThrows(LptemException.class, () -> new Sam2Segmenter(m, Sam2Settings.defaults(), List.of(), null));
        }
    }
}
