package org.lptem.cli;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.StagedFolder;
import org.lptem.core.Detection;
import org.lptem.core.MovingAverageVideo;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.TracksCsv;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.Segmenter;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.stats.MsdAnalysis;
import org.lptem.stats.MsdResult;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.report.MsdReport;
import org.lptem.stats.report.ReportFiles;
import org.lptem.track.TrackFilters;

/**
 * The headless pipeline behind {@code lptem analyze}: the same steps, in the same order, as the KNIME workflow
 * "Track particles in an LPTEM video" (Video Reader, Particle Detector, Particle Linker, MSD Analysis).
 */
final class Analysis {
    private final AnalysisSettings settings;

    Analysis(AnalysisSettings settings) {
        this.settings = settings;
    }

    AnalysisResult run(Video video, StagedFolder out, Progress progress) {
        List<Detection> detections = new ArrayList<>();
        try (DetectionsCsv.Writer csv = new DetectionsCsv.Writer(out.file("detections.csv"), video.calibration())) {
            Segmenter segmenter = settings.segmentation() == AnalysisSettings.Segmentation.UNET
                    ? DefaultUnet.segmenter(ExecutionDevice.CPU, settings.detector(),
                            ClassicalSettings.blobs(3, 48).ridgeRatio(),
                            video instanceof MovingAverageVideo mean ? mean.window() : 1)
                    : new ClassicalDetector(settings.detector());
            try {
                segmenter.segmentAll(video, progress.sub(0, 0.8), seg -> {
                    for (Detection d : seg.detections()) {
                        csv.add(d);
                        detections.add(d);
                    }
                });
            } finally {
                if (segmenter instanceof ProbabilitySegmenter unet) {
                    unet.close();
                }
            }
        }
        progress.report(0.8, "linking " + detections.size() + " detections");
        List<Track> linked = settings.linker().create(settings.maxDistancePx(), settings.memoryFrames())
                .link(detections, progress.sub(0.8, 0.9));
        List<Track> tracks = TrackFilters.minLength(linked, settings.minTrackLength());
        TracksCsv.write(out.file("tracks.csv"), tracks, video.calibration());

        Plots.tracksOverFrame(video.frame(0), tracks, out.file("tracks.png"));
        if (tracks.isEmpty()) {
            progress.report(1, "done");
            return new AnalysisResult(video, detections.size(), tracks, null);
        }
        // the MSD Analysis node's engine and files, so that analyze and the workflow report the same D
        progress.report(0.9, "MSD analysis of " + tracks.size() + " tracks");
        List<TrackSeries> series = TrackSeries.ofAll(tracks);
        MsdResult msd = MsdAnalysis.run(series, settings.msd(), progress.sub(0.9, 0.97));
        ReportFiles.write(MsdReport.of(msd, series, video.calibration(), progress.sub(0.97, 0.99)), out::file,
                "msd_readme.txt");
        AnalysisResult result = new AnalysisResult(video, detections.size(), tracks, msd);
        progress.report(1, "done");
        return result;
    }
}
