package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdFit;

/** What an analysis found, for the summary printed at the end. */
record AnalysisResult(int frames, Calibration calibration, int detections, List<Track> tracks, MsdCurve ensemble) {

    /** Lags used for the diffusion coefficient: the first few, where the ensemble MSD is best determined. */
    static final int FIT_POINTS = 4;

    AnalysisResult(Video video, int detections, List<Track> tracks, MsdCurve ensemble) {
        this(video.frameCount(), video.calibration(), detections, tracks, ensemble);
    }

    /** Linear fit of the first lags, or null when the curve is too short to fit. */
    MsdFit fit() {
        int points = Math.min(FIT_POINTS, ensemble.lagFrames().length);
        return points >= 2 ? MsdFit.fitLinear(ensemble, points) : null;
    }

    void printSummary(PrintWriter out, Path folder) {
        out.printf("frames analysed:  %d%n", frames);
        out.printf("detections:       %d (%.1f per frame)%n", detections, detections / (double) Math.max(frames, 1));
        out.printf("tracks:           %d%n", tracks.size());
        MsdFit fit = fit();
        if (fit == null) {
            out.println("diffusion:        not enough lags to fit");
        } else if (calibration.hasPixelSize() && calibration.hasFrameInterval()) {
            out.printf("diffusion D:      %.4g nm^2/s (linear fit of the first %d ensemble MSD lags)%n",
                    fit.diffusionNm2PerS(calibration), fit.points());
        } else {
            out.printf("diffusion D:      %.4g px^2/frame (linear fit of the first %d ensemble MSD lags; "
                    + "no calibration)%n", fit.diffusionPx2PerFrame(), fit.points());
        }
        out.println("results in:       " + folder);
    }
}
