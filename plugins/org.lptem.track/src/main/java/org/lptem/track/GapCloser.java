package org.lptem.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Progress;

/**
 * Step 2 of LAP tracking: one assignment problem over the whole movie whose rows are segment ends (and, with
 * splitting, detections inside segments that a new segment may split from) and whose columns are segment starts
 * (and, with merging, detections inside segments that an ending segment may merge into). Closing a gap of
 * {@code dt} frames costs the squared distance from the end's predicted position divided by {@code dt}; merging and
 * splitting cost the squared distance times Jaqaman's area ratio factor.
 */
final class GapCloser {
    /** A merge or split between detections, before track ids exist. */
    record Event(TrackEvent.Kind kind, int detection, int other) {
    }

    /** A merge or split candidate. */
    private record Edge(int from, int to, double cost) {
    }

    private final LapSettings settings;
    private final LinkCost cost;

    GapCloser(LapSettings settings) {
        this.settings = settings;
        this.cost = new LinkCost(settings.penalties());
    }

    List<Event> close(DetectionTable table, LinkGraph graph, Predictor predictor, Progress progress) {
        progress.checkCanceled();
        progress.report(0, "closing gaps");
        int n = table.size();
        Nodes rows = new Nodes(n);
        Nodes cols = new Nodes(n);
        for (int i = 0; i < n; i++) {
            if (graph.next[i] < 0) {
                rows.add(i);
            }
            if (graph.prev[i] < 0) {
                cols.add(i);
            }
        }
        int ends = rows.size();
        int starts = cols.size();
        List<Edge> mergeEdges = new ArrayList<>();
        List<Edge> splitEdges = new ArrayList<>();
        Candidates candidates = new Candidates(table, graph);
        if (settings.merging()) {
            candidates.merges(predictor, mergeEdges);
            for (Edge e : mergeEdges) {
                cols.add(e.to());
            }
        }
        if (settings.splitting()) {
            candidates.splits(splitEdges);
            for (Edge e : splitEdges) {
                rows.add(e.from());
            }
        }
        AssignmentProblem problem = new AssignmentProblem(rows.size(), cols.size());
        if (settings.maxGapFrames() > 0) {
            candidates.gaps(predictor, (end, start, c) -> problem.add(rows.of(end), cols.of(start), c));
        }
        progress.checkCanceled();
        for (Edge e : mergeEdges) {
            problem.add(rows.of(e.from()), cols.of(e.to()), e.cost());
        }
        for (Edge e : splitEdges) {
            problem.add(rows.of(e.from()), cols.of(e.to()), e.cost());
        }
        List<Event> events = new ArrayList<>();
        if (problem.edgeCount() == 0) {
            return events;
        }
        double max = settings.gapMaxDistancePx();
        double alt = new AlternativeCost(settings.alternativeCost(), settings.alternativePercentile(),
                1e-9 * max * max).of(problem);
        problem.setUnmatchedCosts(alt, alt);
        int[] colOfRow = problem.solve().colOfRow();
        for (int r = 0; r < colOfRow.length; r++) {
            int c = colOfRow[r];
            if (c < 0) {
                continue;
            }
            int from = rows.detection(r);
            int to = cols.detection(c);
            if (r < ends && c < starts) {
                graph.link(from, to);
            } else if (r < ends) {
                events.add(new Event(TrackEvent.Kind.MERGE, from, to));
            } else {
                events.add(new Event(TrackEvent.Kind.SPLIT, to, from));
            }
        }
        progress.report(1, "closed gaps");
        return events;
    }

    /** Detections numbered as rows (or columns) of the problem in the order added. */
    private static final class Nodes {
        private int[] detections = new int[64];
        private int size;
        private final int[] index;

        Nodes(int n) {
            index = new int[n];
            Arrays.fill(index, -1);
        }

        void add(int detection) {
            if (index[detection] >= 0) {
                return;
            }
            if (size == detections.length) {
                detections = Arrays.copyOf(detections, size * 2);
            }
            index[detection] = size;
            detections[size++] = detection;
        }

        int of(int detection) {
            return index[detection];
        }

        int detection(int node) {
            return detections[node];
        }

        int size() {
            return size;
        }
    }

    interface EdgeSink {
        void add(int from, int to, double cost);
    }

    /** Finds candidate gap closings, merges and splits with per-frame spatial grids built on demand. */
    private final class Candidates {
        private final DetectionTable table;
        private final LinkGraph graph;
        private final SpatialGrid[] allGrids;
        private final SpatialGrid[] startGrids;
        private final int[][] startIds;
        private final double[] p = new double[2];

        Candidates(DetectionTable table, LinkGraph graph) {
            this.table = table;
            this.graph = graph;
            this.allGrids = new SpatialGrid[table.frames.length];
            this.startGrids = new SpatialGrid[table.frames.length];
            this.startIds = new int[table.frames.length][];
        }

        void gaps(Predictor predictor, EdgeSink sink) {
            int maxGap = settings.maxGapFrames();
            double perRootFrame = settings.gapMaxDistancePx();
            for (int k = 0; k < table.frames.length; k++) {
                for (int end = table.start[k]; end < table.start[k + 1]; end++) {
                    if (graph.next[end] >= 0) {
                        continue;
                    }
                    for (int dt = 1; dt <= maxGap + 1; dt++) {
                        int slot = table.slotOf(table.frames[k] + dt);
                        if (slot < 0 || startsOf(slot) == null) {
                            continue;
                        }
                        int[] ids = startIds[slot];
                        int from = end;
                        double scale = dt;
                        predictor.predict(end, dt, p);
                        startGrids[slot].forEachWithin(p[0], p[1], perRootFrame * Math.sqrt(dt), (i, d2) ->
                                sink.add(from, ids[i], cost.of(table, from, ids[i], d2 / scale)));
                    }
                }
            }
        }

        /** The grid of the segment starts in frame slot {@code slot}, or null if there are none. */
        private SpatialGrid startsOf(int slot) {
            if (startIds[slot] == null) {
                int from = table.start[slot];
                int to = table.start[slot + 1];
                int count = 0;
                for (int i = from; i < to; i++) {
                    count += graph.prev[i] < 0 ? 1 : 0;
                }
                int[] ids = new int[count];
                double[] xs = new double[count];
                double[] ys = new double[count];
                count = 0;
                for (int i = from; i < to; i++) {
                    if (graph.prev[i] < 0) {
                        ids[count] = i;
                        xs[count] = table.x[i];
                        ys[count++] = table.y[i];
                    }
                }
                startIds[slot] = ids;
                double cell = settings.gapMaxDistancePx() * Math.sqrt(settings.maxGapFrames() + 1);
                startGrids[slot] = count == 0 ? null : new SpatialGrid(xs, ys, cell);
            }
            return startGrids[slot];
        }

        private SpatialGrid allOf(int slot) {
            if (allGrids[slot] == null) {
                int from = table.start[slot];
                int to = table.start[slot + 1];
                allGrids[slot] = new SpatialGrid(Arrays.copyOfRange(table.x, from, to),
                        Arrays.copyOfRange(table.y, from, to), settings.maxDistancePx());
            }
            return allGrids[slot];
        }

        /** Candidates from a segment end to a detection inside a segment of the next frame. */
        void merges(Predictor predictor, List<Edge> out) {
            double max = settings.maxDistancePx();
            for (int k = 0; k + 1 < table.frames.length; k++) {
                if (table.frames[k + 1] != table.frames[k] + 1) {
                    continue;
                }
                int base = table.start[k + 1];
                for (int end = table.start[k]; end < table.start[k + 1]; end++) {
                    if (graph.next[end] >= 0) {
                        continue;
                    }
                    predictor.predict(end, 1, p);
                    int from = end;
                    allOf(k + 1).forEachWithin(p[0], p[1], max, (i, d2) -> {
                        int into = base + i;
                        int before = graph.prev[into];
                        if (before >= 0) {
                            double c = cost.of(table, from, into, d2)
                                    * areaFactor(table.detections[into], table.detections[from],
                                            table.detections[before]);
                            out.add(new Edge(from, into, c));
                        }
                    });
                }
            }
        }

        /** Candidates from a detection inside a segment of the previous frame to a segment start. */
        void splits(List<Edge> out) {
            double max = settings.maxDistancePx();
            for (int k = 1; k < table.frames.length; k++) {
                if (table.frames[k] != table.frames[k - 1] + 1) {
                    continue;
                }
                int base = table.start[k - 1];
                for (int start = table.start[k]; start < table.start[k + 1]; start++) {
                    if (graph.prev[start] >= 0) {
                        continue;
                    }
                    int to = start;
                    allOf(k - 1).forEachWithin(table.x[start], table.y[start], max, (i, d2) -> {
                        int parent = base + i;
                        int after = graph.next[parent];
                        if (after >= 0) {
                            double c = cost.of(table, parent, to, d2)
                                    * areaFactor(table.detections[parent], table.detections[to],
                                            table.detections[after]);
                            out.add(new Edge(parent, to, c));
                        }
                    });
                }
            }
        }
    }

    /**
     * Jaqaman's intensity factor, with the area standing for the amount of material: the merged detection should
     * be about as large as the two that merged (or the split one as the two after it). A ratio above 1 costs its
     * value, one below 1 its inverse squared; without areas the factor is 1.
     */
    static double areaFactor(Detection whole, Detection part, Detection otherPart) {
        double ratio = whole.area() / (part.area() + otherPart.area());
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            return 1;
        }
        return ratio >= 1 ? ratio : 1 / (ratio * ratio);
    }
}
