package org.lptem.track;

import java.util.Arrays;
import org.lptem.core.Progress;

/**
 * Step 1 of LAP tracking: for each pair of consecutive frames, one assignment problem whose candidate edges join
 * each detection of the earlier frame (at its predicted position) to the detections of the later frame within the
 * maximum distance, and whose unmatched costs are the alternative cost. The result is a set of track segments.
 */
final class FrameToFrameLinker {
    private final LapSettings settings;
    private final LinkCost cost;

    FrameToFrameLinker(LapSettings settings) {
        this.settings = settings;
        this.cost = new LinkCost(settings.penalties());
    }

    void link(DetectionTable table, LinkGraph graph, Predictor predictor, Progress progress) {
        double maxDistance = settings.maxDistancePx();
        AlternativeCost alternative = new AlternativeCost(settings.alternativeCost(), settings.alternativePercentile(),
                1e-9 * maxDistance * maxDistance);
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        double[] predicted = new double[2];
        int frameCount = table.frames.length;
        for (int k = 0; k < frameCount; k++) {
            progress.checkCanceled();
            if (k % 16 == 0) {
                progress.report((double) k / frameCount, "linking frame " + table.frames[k] + " (" + (k + 1) + "/"
                        + frameCount + ")");
            }
            int from = table.start[k];
            int to = table.start[k + 1];
            if (k == 0 || table.frames[k] != table.frames[k - 1] + 1) {
                for (int t = from; t < to; t++) {
                    predictor.start(t);
                }
                continue;
            }
            int sources = table.start[k - 1];
            SpatialGrid grid = new SpatialGrid(Arrays.copyOfRange(table.x, from, to),
                    Arrays.copyOfRange(table.y, from, to), maxDistance);
            problem.reset(from - sources, to - from);
            for (int s = sources; s < from; s++) {
                predictor.predict(s, 1, predicted);
                int source = s;
                grid.forEachWithin(predicted[0], predicted[1], maxDistance, (t, d2) -> problem.add(source - sources,
                        t, cost.of(table, source, from + t, d2)));
            }
            boolean[] linked = new boolean[to - from];
            if (problem.edgeCount() > 0) {
                double alt = alternative.of(problem);
                problem.setUnmatchedCosts(alt, alt);
                int[] colOfRow = problem.solve().colOfRow();
                for (int s = 0; s < colOfRow.length; s++) {
                    if (colOfRow[s] >= 0) {
                        graph.link(sources + s, from + colOfRow[s]);
                        predictor.extend(sources + s, from + colOfRow[s]);
                        linked[colOfRow[s]] = true;
                    }
                }
            }
            for (int t = 0; t < linked.length; t++) {
                if (!linked[t]) {
                    predictor.start(from + t);
                }
            }
        }
    }
}
