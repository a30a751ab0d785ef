package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lptem.core.Calibration;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.stats.Interval;
import org.lptem.stats.MsdParameters;
import org.lptem.stats.MsdResult;

/**
 * What an analysis found, for the summary printed at the end.
 *
 * @param msd the MSD analysis of the tracks, null when no track was kept
 */
record AnalysisResult(int frames, Calibration calibration, int detections, List<Track> tracks, MsdResult msd) {

    AnalysisResult(Video video, int detections, List<Track> tracks, MsdResult msd) {
        this(video.frameCount(), video.calibration(), detections, tracks, msd);
    }

    void printSummary(PrintWriter out, Path folder) {
        out.printf("frames analysed:  %d%n", frames);
        out.printf("detections:       %d (%.1f per frame)%n", detections, detections / (double) Math.max(frames, 1));
        out.printf("tracks:           %d%n", tracks.size());
        MsdParameters e = msd == null ? null : msd.ensemble();
        if (e == null || !e.diffusion().ok()) {
            out.println("diffusion:        not enough lags to fit");
        } else {
            out.printf(Locale.ROOT, "diffusion D:      %s (ensemble MSD, Michalet's fit; alpha %s; msd_readme.txt)%n",
                    diffusion(e.diffusion().diffusion(), e.diffusionCi(), calibration),
                    format(e.anomalous().alpha(), e.alphaCi()));
        }
        out.println("results in:       " + folder);
    }

    /** D with its interval in nm^2/s when calibrated, else px^2/frame. */
    static String diffusion(double px2PerFrame, Interval ci, Calibration c) {
        if (c.hasPixelSize() && c.hasFrameInterval()) {
            double f = c.toNm(1) * c.toNm(1) / c.toSeconds(1);
            return format(px2PerFrame * f, ci.map(v -> v * f)) + " nm^2/s";
        }
        return format(px2PerFrame, ci) + " px^2/frame (no calibration)";
    }

    private static String format(double v, Interval ci) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return ci.known() ? s + String.format(Locale.ROOT, " [%.4g, %.4g]", ci.lo(), ci.hi()) : s;
    }
}
