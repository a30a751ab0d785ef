package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/**
 * Linking by linear assignment (Jaqaman et al. 2008, the method of u-track and TrackMate): globally optimal
 * one-to-one links between consecutive frames, then a second assignment that closes gaps of up to
 * {@link LapSettings#maxGapFrames()} missed frames and optionally merges and splits segments. Optionally predicts
 * positions with a constant-velocity Kalman filter, and subtracts a global drift estimated from a first pass.
 *
 * <p>Both assignments are sparse (see {@link AssignmentProblem}): time and memory grow with the number of candidate
 * links, so a million detections link in seconds.
 */
public final class LapLinker implements Linker {
    private final LapSettings settings;

    public LapLinker(LapSettings settings) {
        this.settings = settings;
    }

    public LapSettings settings() {
        return settings;
    }

    @Override
    public List<Track> link(List<Detection> detections, Progress progress) {
        return run(detections, progress).tracks();
    }

    /** Links and also returns merges, splits and the subtracted drift. */
    public LinkingResult run(List<Detection> detections, Progress progress) {
        DetectionTable table = DetectionTable.of(detections);
        Drift drift = Drift.NONE;
        double done = 0;
        if (settings.subtractDrift()) {
            drift = Drift.vote(table, settings.maxDriftPx(), settings.maxDistancePx() / 2, progress.sub(0, 0.3));
            table = table.withDriftRemoved(drift);
            done = 0.3;
        }
        boolean secondStep = settings.maxGapFrames() > 0 || settings.merging() || settings.splitting();
        double linked = secondStep ? done + (1 - done) * 0.85 : 1;
        LinkGraph graph = new LinkGraph(table);
        Predictor predictor = Predictor.create(settings, table);
        new FrameToFrameLinker(settings).link(table, graph, predictor, progress.sub(done, linked));
        List<GapCloser.Event> raw = List.of();
        if (secondStep) {
            raw = new GapCloser(settings).close(table, graph, predictor, progress.sub(linked, 1));
            new GapLinkRefiner(settings).refine(table, graph, predictor, progress);
        }
        int[] trackOf = new int[table.size()];
        List<Track> tracks = graph.tracks(trackOf);
        List<TrackEvent> events = new ArrayList<>(raw.size());
        for (GapCloser.Event e : raw) {
            events.add(new TrackEvent(e.kind(), table.frame[e.kind() == TrackEvent.Kind.MERGE ? e.other()
                    : e.detection()], trackOf[e.detection()], trackOf[e.other()]));
        }
        progress.report(1, "linked " + tracks.size() + " tracks");
        return new LinkingResult(tracks, events, drift);
    }
}
