package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-averaged MSD of single tracks at exact frame lags: {@code MSD(n) = mean over pairs of points exactly n
 * frames apart of |r(j) - r(i)|^2}. {@link Method#AUTO} picks the FFT or the direct sum by their cost for the track
 * and the lag range; both give the same numbers to about 1e-13 relative. An instance keeps FFT work buffers: use one
 * per thread and reuse it across tracks.
 */
public final class TimeAveragedMsd {

    /** How the sums are computed. */
    public enum Method {
        /** The cheaper of the two for each track. */
        AUTO,
        /** The double sum over pairs, O(points x maxLag). */
        DIRECT,
        /** Autocorrelation by FFT, O(M log M) with M about twice the span, plus O(missing frames) per lag. */
        FFT
    }

    private final MsdEngine engine = new MsdEngine();

    /** The track's MSD for lags 1..maxLagFrames; lags no pair spans are left out. */
    public MsdCurve compute(TrackSeries track, int maxLagFrames) {
        return compute(track, maxLagFrames, Method.AUTO);
    }

    public MsdCurve compute(TrackSeries track, int maxLagFrames, Method method) {
        return compute(track.frames(), track.x(), track.y(), maxLagFrames, method);
    }

    /** Every lag the track has: 1 to its span minus one. */
    public MsdCurve allLags(TrackSeries track) {
        return compute(track, Math.max(1, track.spanFrames() - 1));
    }

    /** Per-track curves, in the order of the tracks. */
    public List<MsdCurve> computeAll(List<TrackSeries> tracks, int maxLagFrames) {
        List<MsdCurve> out = new ArrayList<>(tracks.size());
        for (TrackSeries t : tracks) {
            out.add(compute(t, maxLagFrames));
        }
        return out;
    }

    /** A one-off computation; loops over many tracks should hold an instance instead. */
    public static MsdCurve of(TrackSeries track, int maxLagFrames) {
        return new TimeAveragedMsd().compute(track, maxLagFrames);
    }

    MsdCurve compute(int[] frames, double[] x, double[] y, int maxLagFrames, Method method) {
        LagSums sums = new LagSums(maxLagFrames);
        accumulate(frames, x, y, sums, method);
        return sums.toCurve();
    }

    /** Adds one series' sums into {@code sums} (pooling over tracks). */
    void accumulate(int[] frames, double[] x, double[] y, LagSums sums, Method method) {
        int span = frames[frames.length - 1] - frames[0] + 1;
        boolean fft = switch (method) {
            case FFT -> true;
            case DIRECT -> false;
            case AUTO -> MsdEngine.fftIsCheaper(frames.length, span, sums.maxLag);
        };
        engine.accumulate(frames, x, y, sums.maxLag, sums, fft);
    }
}
