package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.RegionMoments;
import org.lptem.segment.Segmentation;
import org.lptem.segment.Segmenter;
import org.lptem.segment.sam2.ImagePredictor.Decoded;

/**
 * SAM2 (or SAM-EM) as a {@link Segmenter}: the same label images and detections as the other methods, except that a
 * label is a particle's id, the same on every frame (so {@code LabelIdLinker} turns the detections into tracks).
 * Prompts come from a table (frame, particle, box or points or mask) and/or from a detector on the first frame and
 * whenever a particle appears that nobody tracks; {@link IdentityGuard} keeps ids exclusive. Frames must be segmented
 * in increasing order: the segmenter is stateful. Closing closes the models.
 */
public final class Sam2Segmenter implements Segmenter, AutoCloseable {
    private final Sam2Models models;
    private final Sam2Settings settings;
    private final Map<Integer, List<Prompt>> prompts = new HashMap<>();
    private final AutoPrompter auto;
    private final VideoPredictor predictor;
    private final IdentityGuard guard;
    private final Map<Integer, Detection> lastSeen = new HashMap<>();
    private long totalNanos;
    private long totalCpuNanos;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();
    private int frames;
    private boolean autoStarted;

    /**
     * @param manualPrompts prompts from the user (any frames), possibly empty
     * @param auto automatic prompts, or null for manual prompts only
     */
    public Sam2Segmenter(Sam2Models models, Sam2Settings settings, List<Prompt> manualPrompts, AutoPrompter auto) {
        if (manualPrompts.isEmpty() && auto == null) {
            throw new LptemException("SAM2 needs prompts: a prompt table, automatic prompts, or both");
        }
        this.models = models;
        this.settings = settings;
        this.auto = auto;
        this.predictor = new VideoPredictor(models, settings);
        this.guard = new IdentityGuard(settings.minAreaPx(), settings.relinkDistancePx(),
                settings.relinkGapFrames());
        for (Prompt p : manualPrompts) {
            prompts.computeIfAbsent(p.frame(), f -> new ArrayList<>()).add(p);
            guard.reserve(p.objectId());
        }
    }

    @Override
    public Segmentation segment(Frame frame, int frameIndex) {
        long start = System.nanoTime();
        long startCpu = CPU.getCurrentThreadCpuTime();
        predictor.begin(frame, frameIndex);
        Map<Integer, Decoded> decoded = new TreeMap<>();
        for (Prompt p : merged(prompts.getOrDefault(frameIndex, List.of()), frame)) {
            guard.revive(p.objectId());
            decoded.put(p.objectId(), predictor.prompt(p));
        }
        decoded.putAll(predictor.propagate(decoded.keySet()));
        if (auto != null && (!autoStarted || frameIndex % settings.detectEvery() == 0)) {
            autoStarted = true;
            int[] covered = cover(frame.width(), frame.height(), decoded);
            for (AutoPrompter.Found f : auto.untracked(frame, frameIndex, covered)) {
                int id = guard.idFor(frameIndex, f.x(), f.y());
                decoded.put(id, predictor.prompt(Prompt.ofBox(frameIndex, id, f.box())));
            }
        }
        Map<Integer, ObjectMask> masks = new LinkedHashMap<>();
        decoded.forEach((id, d) -> masks.put(id, d.mask()));
        IdentityGuard.Resolved resolved = guard.resolve(frameIndex, frame.width(), frame.height(), masks);
        for (int id : resolved.ended()) {
            predictor.end(id);
            Detection last = lastSeen.remove(id);
            if (last != null) {
                guard.lost(id, frameIndex, last.x(), last.y());
            }
        }
        Segmentation s = measure(frame, frameIndex, resolved.labels(), decoded, resolved.ended());
        totalNanos += System.nanoTime() - start;
        totalCpuNanos += CPU.getCurrentThreadCpuTime() - startCpu;
        frames++;
        return s;
    }

    /** Several prompts for one particle on one frame act as one: points pooled, the last box and mask kept. */
    private static List<Prompt> merged(List<Prompt> list, Frame frame) {
        Map<Integer, Prompt> byId = new TreeMap<>();
        for (Prompt p : list) {
            if (p.mask() != null && p.mask().length != frame.width() * frame.height()) {
                throw LptemException.inFrame(null, p.frame(), "mask prompt for particle " + p.objectId() + " has "
                        + p.mask().length + " px, the frame " + frame.width() * frame.height(), null);
            }
            Prompt old = byId.get(p.objectId());
            if (old == null) {
                byId.put(p.objectId(), p);
            } else {
                List<Prompt.Point> points = new ArrayList<>(old.points());
                points.addAll(p.points());
                byId.put(p.objectId(), new Prompt(p.frame(), p.objectId(), p.box() != null ? p.box() : old.box(),
                        points, p.mask() != null ? p.mask() : old.mask()));
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static int[] cover(int width, int height, Map<Integer, Decoded> decoded) {
        int[] covered = new int[width * height];
        decoded.forEach((id, d) -> {
            ObjectMask m = d.mask();
            for (int i = 0; i < m.inside().length; i++) {
                if (m.inside()[i]) {
                    int x = m.x0() + i % m.width();
                    int y = m.y0() + i / m.width();
                    if (x >= 0 && y >= 0 && x < width && y < height) {
                        covered[y * width + x] = id;
                    }
                }
            }
        });
        return covered;
    }

    private Segmentation measure(Frame frame, int frameIndex, int[] labels, Map<Integer, Decoded> decoded,
            Set<Integer> ended) {
        List<Detection> detections = new ArrayList<>();
        // each mask's window, unless together they cover as much as the frame (masks as big as the frame happen),
        // where one pass over the frame costs less
        long windows = 0;
        int maxId = 0;
        for (Map.Entry<Integer, Decoded> e : decoded.entrySet()) {
            windows += (long) e.getValue().mask().width() * e.getValue().mask().height();
            maxId = Math.max(maxId, e.getKey());
        }
        RegionMoments all = windows >= (long) frame.width() * frame.height()
                ? RegionMoments.measure(labels, maxId, frame.width(), frame.toFloat()) : null;
        for (Map.Entry<Integer, Decoded> e : decoded.entrySet()) {
            int id = e.getKey();
            if (ended.contains(id)) {
                continue;
            }
            float iou = e.getValue().iou();
            double score = Float.isNaN(iou) ? 1 : Math.max(0, Math.min(1, iou));
            Detection d = all == null ? measure(frame, frameIndex, labels, e.getValue().mask(), id, score)
                    : all.area(id) == 0 ? null : all.toDetection(id, frameIndex, score, id);
            if (d != null) {
                detections.add(d);
                lastSeen.put(id, d);
            }
        }
        return new Segmentation(frameIndex, frame.width(), frame.height(), labels, detections);
    }

    /**
     * The detection of the pixels labelled {@code id}, measured in its mask's window (every one of them is there,
     * see {@link IdentityGuard}), or null when exclusivity left it none: measuring the whole frame per frame cost
     * more than the masks it measured.
     */
    private static Detection measure(Frame frame, int frameIndex, int[] labels, ObjectMask mask, int id,
            double score) {
        int w = frame.width();
        int x0 = Math.max(0, mask.x0());
        int y0 = Math.max(0, mask.y0());
        int x1 = Math.min(w, mask.x0() + mask.width());
        int y1 = Math.min(frame.height(), mask.y0() + mask.height());
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        int ww = x1 - x0;
        int[] window = new int[ww * (y1 - y0)];
        float[] intensity = new float[window.length];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = (y - y0) * ww + x - x0;
                if (labels[y * w + x] == id) {
                    window[i] = 1;
                    intensity[i] = (float) frame.get(y * w + x);
                }
            }
        }
        RegionMoments moments = RegionMoments.measure(window, 1, ww, intensity);
        return moments.area(1) == 0 ? null : moments.toDetection(1, frameIndex, score, id, x0, y0);
    }

    /**
     * Per-frame timings so far, in milliseconds: wall-clock time inside ONNX Runtime, in the detector, and the rest
     * (the Java side); and the Java side's CPU time on the calling thread, which a busy machine does not inflate.
     */
    public Timings timings() {
        double ort = models.inferenceNanos() / 1e6;
        double detector = auto == null ? 0 : auto.nanos() / 1e6;
        double total = totalNanos / 1e6;
        double javaCpu = (totalCpuNanos - models.inferenceCallerCpuNanos() - (auto == null ? 0 : auto.cpuNanos()))
                / 1e6;
        int n = Math.max(1, frames);
        return new Timings(frames, ort / n, detector / n, (total - ort - detector) / n, javaCpu / n);
    }

    /** Mean milliseconds per frame. */
    public record Timings(int frames, double onnxRuntimeMs, double detectorMs, double javaMs, double javaCpuMs) {
        /** Java-side time as a fraction of ONNX Runtime time. */
        public double javaFraction() {
            return javaMs / onnxRuntimeMs;
        }
    }

    VideoPredictor predictor() {
        return predictor;
    }

    @Override
    public void close() {
        predictor.close();
        models.close();
    }
}
