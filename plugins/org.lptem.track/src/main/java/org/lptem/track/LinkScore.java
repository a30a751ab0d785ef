package org.lptem.track;

import java.util.Arrays;
import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * Link-level accuracy: how many of the true links a linker recovered (recall) and how many of its links are true
 * (precision). A true link joins two consecutive detected points of one true particle, across missed frames too;
 * points are matched frame by frame (optimal one-to-one assignment within the gate), and truth points without a
 * match (missed detections) are skipped, so a linker is judged only on the detections it was given.
 */
public record LinkScore(int truthLinks, int predictedLinks, int correctLinks) {

    /** Fraction of true links recovered; NaN without true links. */
    public double recall() {
        return truthLinks == 0 ? Double.NaN : (double) correctLinks / truthLinks;
    }

    /** Fraction of predicted links that are true; NaN without predicted links. */
    public double precision() {
        return predictedLinks == 0 ? Double.NaN : (double) correctLinks / predictedLinks;
    }

    public static LinkScore of(List<Track> truth, List<Track> predicted, double gatePx) {
        checkGate(gatePx);
        TrackPoints t = TrackPoints.of(truth);
        TrackPoints p = TrackPoints.of(predicted);
        int[] truthOfPred = PointMatching.match(t, p, gatePx);
        int[] predOfTruth = new int[t.size()];
        Arrays.fill(predOfTruth, -1);
        for (int i = 0; i < truthOfPred.length; i++) {
            if (truthOfPred[i] >= 0) {
                predOfTruth[truthOfPred[i]] = i;
            }
        }
        // the next matched point of the same true particle, the other end of a true link
        int[] nextMatched = new int[t.size()];
        Arrays.fill(nextMatched, -1);
        int truthLinks = 0;
        for (int k = 0; k < t.trackCount(); k++) {
            int last = -1;
            for (int i = t.trackStart[k]; i < t.trackStart[k + 1]; i++) {
                if (predOfTruth[i] >= 0) {
                    if (last >= 0) {
                        nextMatched[last] = i;
                        truthLinks++;
                    }
                    last = i;
                }
            }
        }
        int predictedLinks = 0;
        int correct = 0;
        for (int k = 0; k < p.trackCount(); k++) {
            for (int i = p.trackStart[k] + 1; i < p.trackStart[k + 1]; i++) {
                predictedLinks++;
                int a = truthOfPred[i - 1];
                int b = truthOfPred[i];
                if (a >= 0 && b >= 0 && nextMatched[a] == b) {
                    correct++;
                }
            }
        }
        return new LinkScore(truthLinks, predictedLinks, correct);
    }

    static void checkGate(double gatePx) {
        if (!(gatePx > 0) || Double.isInfinite(gatePx)) {
            throw new LptemException("matching gate must be a finite distance > 0 px, got " + gatePx);
        }
    }
}
