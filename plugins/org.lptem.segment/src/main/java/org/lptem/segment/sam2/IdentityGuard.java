package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps particle identities safe, the weakness of SAM-EM: no two ids own the same pixel (a contested pixel goes to
 * the object with the higher logit there, as SAM2's non-overlap constraint does); an object left with less than the
 * minimum area after that (lost, or two ids locked onto one particle) ends its track; and a particle that appears
 * where a lost one was last seen, within a distance and a frame gap, takes the lost one's id again. Otherwise a new
 * particle gets a new id, never one used before.
 */
public final class IdentityGuard {
    private final double minAreaPx;
    private final double relinkDistancePx;
    private final int relinkGapFrames;
    private final Map<Integer, double[]> lost = new LinkedHashMap<>();
    private int nextId = 1;
    /** The winning logit per pixel, reused frame after frame. */
    private float[] best;

    /** The frame's outcome: the label image (value = object id) and the ids that ended on this frame. */
    public record Resolved(int[] labels, Set<Integer> ended) {
    }

    public IdentityGuard(double minAreaPx, double relinkDistancePx, int relinkGapFrames) {
        this.minAreaPx = minAreaPx;
        this.relinkDistancePx = relinkDistancePx;
        this.relinkGapFrames = relinkGapFrames;
    }

    /** Marks {@code id} as used (a manual prompt's id), so new particles never take it. */
    public void reserve(int id) {
        nextId = Math.max(nextId, id + 1);
    }

    /**
     * Resolves overlaps between the objects' masks and ends those left too small.
     *
     * @param masks by object id, in the order ties are broken (earlier wins)
     */
    public Resolved resolve(int frame, int width, int height, Map<Integer, ObjectMask> masks) {
        int[] labels = new int[width * height];
        if (best == null || best.length < labels.length) {
            best = new float[labels.length];
        }
        // best[i] is read only where labels[i] was set on this frame, so it is reused without clearing; and every
        // pass below visits the masks' windows only, a small part of the frame
        for (Map.Entry<Integer, ObjectMask> e : masks.entrySet()) {
            ObjectMask m = e.getValue();
            for (int r = 0; r < m.height(); r++) {
                int y = m.y0() + r;
                if (y < 0 || y >= height) {
                    continue;
                }
                for (int c = 0; c < m.width(); c++) {
                    int x = m.x0() + c;
                    int w = r * m.width() + c;
                    if (x < 0 || x >= width || !m.inside()[w]) {
                        continue;
                    }
                    int i = y * width + x;
                    if (labels[i] == 0 || m.logits()[w] > best[i]) {
                        labels[i] = e.getKey();
                        best[i] = m.logits()[w];
                    }
                }
            }
        }
        Set<Integer> ended = new HashSet<>();
        for (Map.Entry<Integer, ObjectMask> e : masks.entrySet()) {
            if (inWindow(labels, width, height, e.getValue(), e.getKey(), false) < Math.max(1, minAreaPx)) {
                ended.add(e.getKey());
            }
        }
        for (int id : ended) {
            inWindow(labels, width, height, masks.get(id), id, true);
        }
        return new Resolved(labels, ended);
    }

    /** Pixels labelled {@code id} inside its mask's window (where all of them are), set to 0 if {@code clear}. */
    private static long inWindow(int[] labels, int width, int height, ObjectMask m, int id, boolean clear) {
        long n = 0;
        int y0 = Math.max(0, m.y0());
        int y1 = Math.min(height, m.y0() + m.height());
        int x0 = Math.max(0, m.x0());
        int x1 = Math.min(width, m.x0() + m.width());
        for (int y = y0; y < y1; y++) {
            for (int i = y * width + x0, end = y * width + x1; i < end; i++) {
                if (labels[i] == id) {
                    n++;
                    if (clear) {
                        labels[i] = 0;
                    }
                }
            }
        }
        return n;
    }

    /** Takes {@code id} off the lost list: it was prompted again by hand. */
    public void revive(int id) {
        lost.remove(id);
        reserve(id);
    }

    /** Records where an object was last seen (its centroid) before it was lost on {@code frame}. */
    public void lost(int id, int frame, double x, double y) {
        lost.put(id, new double[] {x, y, frame});
    }

    /**
     * The id for a particle first seen at (x, y) on {@code frame}: the nearest lost id within the re-link distance
     * and gap, which is then taken off the lost list, or a new id.
     */
    public int idFor(int frame, double x, double y) {
        Integer bestId = null;
        double bestD2 = relinkDistancePx * relinkDistancePx;
        List<Integer> expired = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : lost.entrySet()) {
            double[] p = e.getValue();
            if (frame - p[2] > relinkGapFrames) {
                expired.add(e.getKey());
                continue;
            }
            double d2 = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);
            if (d2 <= bestD2) {
                bestD2 = d2;
                bestId = e.getKey();
            }
        }
        expired.forEach(lost::remove);
        if (bestId != null) {
            lost.remove(bestId);
            return bestId;
        }
        return nextId++;
    }
}
