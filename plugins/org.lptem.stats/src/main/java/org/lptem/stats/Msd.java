package org.lptem.stats;

import java.util.List;
import org.lptem.core.Track;

/** Mean squared displacement of 2D tracks, in pixels and frames. */
public final class Msd {
    private Msd() {
    }

    /**
     * Time-averaged MSD of one track: at lag n, the mean of |r(j) - r(i)|^2 over all pairs of its points whose
     * frames differ by exactly n. With missing frames the lags stay exact; lags no pair spans are left out. Long
     * tracks with many lags go through the FFT; see {@link TimeAveragedMsd}.
     */
    public static MsdCurve timeAveraged(Track track, int maxLagFrames) {
        return TimeAveragedMsd.of(TrackSeries.of(track), maxLagFrames);
    }

    /**
     * Ensemble MSD: squared displacements pooled over all tracks and time origins, divided per lag by their total
     * count (trackpy's {@code emsd}), so a long track weighs in proportion to the displacements it contributes.
     */
    public static MsdCurve ensemble(List<Track> tracks, int maxLagFrames) {
        return EnsembleMsd.pooled(TrackSeries.ofAll(tracks), maxLagFrames);
    }

    /**
     * The automatic maximum lag of the MSD analysis ({@link MsdSettings#maxLagFrames()} 0), so that curves computed
     * here match its: a quarter of the longest track's frame span (beyond that, few independent displacements remain
     * and the curve is mostly noise), but at least 10 frames when the tracks are that long, so that fits have lags
     * to choose from.
     */
    public static int defaultMaxLag(List<Track> tracks) {
        int longest = 0;
        for (Track t : tracks) {
            longest = Math.max(longest, t.lastFrame() - t.firstFrame() + 1);
        }
        return MsdAnalysis.defaultMaxLag(longest);
    }

    /** Fits {@code MSD = 4 D lag + offset} to the first {@code points} lags of the curve; see {@link MsdFit}. */
    public static MsdFit fitLinear(MsdCurve curve, int points) {
        return MsdFit.fitLinear(curve, points);
    }
}
