package org.lptem.cli;

import java.io.PrintWriter;
import java.util.List;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.TracksCsv;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import org.lptem.stats.Msd;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdFit;

/** What {@code --demo} adds: the simulated video, its ground truth, and how close the analysis came to it. */
final class DemoOutputs {
    private DemoOutputs() {
    }

    static void write(SimulatedVideo video, StagedOutput out, Progress progress) {
        progress.report(0, "writing the simulated video");
        try (TiffStackWriter tiff = new TiffStackWriter(out.file("video.tif"), video.width(), video.height(),
                video.pixelType(), video.calibration())) {
            for (int i = 0; i < video.frameCount(); i++) {
                progress.checkCanceled();
                tiff.write(video.frame(i));
                progress.report((i + 1.0) / video.frameCount(), "wrote simulated frame " + (i + 1));
            }
        }
        TracksCsv.write(out.file("truth_tracks.csv"), video.groundTruth(), video.calibration());
    }

    static void printTruth(PrintWriter out, SimulatedVideo video, AnalysisResult result) {
        SimulationSettings s = video.settings();
        List<Track> truth = video.groundTruth();
        MsdCurve trueMsd = Msd.ensemble(truth, Math.max(2, result.ensemble().lagFrames().length));
        MsdFit truthFit = MsdFit.fitLinear(trueMsd, Math.min(AnalysisResult.FIT_POINTS, trueMsd.lagFrames().length));
        out.printf("simulation:       %d particles, D = %.4g nm^2/s (set), %.4g nm^2/s (fit of the true "
                + "positions), %d tracks found%n", s.particles(), s.diffusionNm2PerS(),
                truthFit.diffusionNm2PerS(video.calibration()), result.tracks().size());
    }
}
