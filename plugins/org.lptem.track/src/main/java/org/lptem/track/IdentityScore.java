package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Track;

/**
 * Identity measures (Ristani et al. 2016): truth and predicted tracks are paired one-to-one so that the number of
 * frames in which paired tracks are within the gate (IDTP) is largest; IDF1 = 2 IDTP / (truth points + predicted
 * points). Unlike MOTA, a track that follows the wrong particle for half the video loses half its credit.
 */
public record IdentityScore(double idf1, double idPrecision, double idRecall, long idTruePositives) {

    public static IdentityScore of(List<Track> truth, List<Track> predicted, double gatePx) {
        LinkScore.checkGate(gatePx);
        TrackPoints t = TrackPoints.of(truth);
        TrackPoints p = TrackPoints.of(predicted);
        List<TrackOverlaps.Overlap> overlaps = new ArrayList<>();
        TrackOverlaps.of(t, p, gatePx).all().forEach(overlaps::add);
        AssignmentProblem problem = new AssignmentProblem(t.trackCount(), p.trackCount());
        for (TrackOverlaps.Overlap o : overlaps) {
            problem.add(o.truthTrack(), o.predTrack(), -o.frames());
        }
        int[] colOfRow = problem.solve().colOfRow();
        long idtp = 0;
        for (TrackOverlaps.Overlap o : overlaps) {
            if (colOfRow[o.truthTrack()] == o.predTrack()) {
                idtp += o.frames();
            }
        }
        int total = t.size() + p.size();
        return new IdentityScore(total == 0 ? Double.NaN : 2.0 * idtp / total,
                p.size() == 0 ? Double.NaN : (double) idtp / p.size(),
                t.size() == 0 ? Double.NaN : (double) idtp / t.size(), idtp);
    }
}
