package org.lptem.track;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.lptem.core.Progress;

/**
 * Step 3: repairs what the two assignments cannot see together. When particle A is missed in frame t+1, the
 * frame-to-frame step may give A's frame-t detection the detection of a neighbour B in t+1 (B's own link being
 * slightly dearer), and gap closing then joins B's orphaned end to A's reappearance in t+2. Each step was optimal
 * given the previous one, but swapping the two links' targets is cheaper overall.
 *
 * <p>So for every gap link c -> e, and every link a -> b that crosses it in time with b near c's prediction, the
 * targets are swapped (c -> b, a -> e) when that lowers the summed cost (squared distance over frames jumped, as in
 * gap closing) and both new links are within their distance gates. Swaps that create gap links are examined in
 * turn; every swap lowers the total, so the process ends.
 */
final class GapLinkRefiner {
    private final LapSettings settings;
    private final LinkCost cost;
    private final double[] p = new double[2];

    GapLinkRefiner(LapSettings settings) {
        this.settings = settings;
        this.cost = new LinkCost(settings.penalties());
    }

    /** Returns the number of swaps made. */
    int refine(DetectionTable table, LinkGraph graph, Predictor predictor, Progress progress) {
        int maxDt = settings.maxGapFrames() + 1;
        double cell = Math.max(settings.maxDistancePx(), settings.gapMaxDistancePx() * Math.sqrt(maxDt));
        SpatialGrid[] grids = new SpatialGrid[table.frames.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < table.size(); c++) {
            if (graph.next[c] >= 0 && table.frame[graph.next[c]] - table.frame[c] >= 2) {
                queue.add(c);
            }
        }
        int swaps = 0;
        while (!queue.isEmpty()) {
            if ((swaps & 255) == 0) {
                progress.checkCanceled();
            }
            int c = queue.poll();
            int e = graph.next[c];
            if (e < 0 || table.frame[e] - table.frame[c] < 2) {
                continue;
            }
            double current = linkCost(table, predictor, c, e);
            double best = -1e-9 * (1 + current);
            int bestB = -1;
            for (int dt = 1; dt <= maxDt && table.frame[c] + dt < table.frame[e] + maxDt; dt++) {
                int slot = table.slotOf(table.frame[c] + dt);
                if (slot < 0) {
                    continue;
                }
                if (grids[slot] == null) {
                    int from = table.start[slot];
                    int to = table.start[slot + 1];
                    grids[slot] = new SpatialGrid(Arrays.copyOfRange(table.x, from, to),
                            Arrays.copyOfRange(table.y, from, to), cell);
                }
                int base = table.start[slot];
                predictor.predict(c, dt, p);
                int[] found = {-1};
                double[] gain = {best};
                grids[slot].forEachWithin(p[0], p[1], gate(dt), (i, d2) -> {
                    int b = base + i;
                    int a = graph.prev[b];
                    if (a < 0 || a == c || b == e) {
                        return;
                    }
                    int toE = table.frame[e] - table.frame[a];
                    if (toE < 1 || toE > maxDt) {
                        return;
                    }
                    double ae = linkCost(table, predictor, a, e);
                    if (Double.isNaN(ae)) {
                        return;
                    }
                    double delta = ae + linkCost(table, predictor, c, b) - linkCost(table, predictor, a, b) - current;
                    if (delta < gain[0]) {
                        gain[0] = delta;
                        found[0] = b;
                    }
                });
                if (found[0] >= 0) {
                    best = gain[0];
                    bestB = found[0];
                }
            }
            if (bestB < 0) {
                continue;
            }
            int a = graph.prev[bestB];
            graph.next[c] = -1;
            graph.prev[e] = -1;
            graph.next[a] = -1;
            graph.prev[bestB] = -1;
            graph.link(c, bestB);
            graph.link(a, e);
            swaps++;
            if (table.frame[e] - table.frame[a] >= 2) {
                queue.add(a);
            }
            if (table.frame[bestB] - table.frame[c] >= 2) {
                queue.add(c);
            }
        }
        return swaps;
    }

    private double gate(int dt) {
        return dt == 1 ? settings.maxDistancePx() : settings.gapMaxDistancePx() * Math.sqrt(dt);
    }

    /** Cost of linking {@code from} to the later {@code to}, or NaN outside the distance gate. */
    private double linkCost(DetectionTable table, Predictor predictor, int from, int to) {
        int dt = table.frame[to] - table.frame[from];
        predictor.predict(from, dt, p);
        double dx = table.x[to] - p[0];
        double dy = table.y[to] - p[1];
        double d2 = dx * dx + dy * dy;
        double g = gate(dt);
        return d2 > g * g ? Double.NaN : cost.of(table, from, to, d2 / dt);
    }
}
