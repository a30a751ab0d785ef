package org.lptem.knime.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.MovingAverageVideo;
import org.lptem.core.Video;
import org.lptem.io.TiffStackWriter;
import org.lptem.knime.port.LabelMaskPortObjectSpec;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.segment.Segmentation;
import org.lptem.segment.Segmenter;

/**
 * What every segmenting node outputs (Particle Segmenter, U-Net Segmenter, SAM2 Segmenter): the label masks as a
 * 16-bit TIFF stack referenced by the mask port, and the regions table, written frame by frame while the video
 * streams through the segmenter. The label file appears only when every frame was segmented.
 */
public final class SegmentationOutput {
    private SegmentationOutput() {
    }

    /** The mask port's spec for labels written from {@code video}; known at configure time. */
    public static LabelMaskPortObjectSpec maskSpec(final Path labels, final VideoPortObjectSpec video) {
        return new LabelMaskPortObjectSpec(labels.toString(), video.frameCount(), video.width(), video.height(),
            video.calibration(), video.source());
    }

    /** The regions table's spec for {@code video}. */
    public static DataTableSpec regionsSpec(final VideoPortObjectSpec video) {
        return DetectionTable.spec(video.calibration());
    }

    /** Refuses an existing label file unless {@code overwrite}, and creates its folder. */
    public static void prepare(final Path labels, final boolean overwrite) throws IOException {
        if (Files.exists(labels) && !overwrite) {
            throw LptemException.inFile(labels, "already exists; tick Overwrite or choose another label file");
        }
        if (labels.getParent() != null) {
            Files.createDirectories(labels.getParent());
        }
    }

    /**
     * Streams the video through {@code segmenter}: each frame's labels to the TIFF, its regions to the table, and
     * the whole segmentation to {@code also} (e.g. a SAM-EM export). A failure or cancel leaves no label file.
     *
     * @return the regions table
     */
    public static BufferedDataTable run(final Segmenter segmenter, final VideoPortObjectSpec spec, final Path labels,
        final ExecutionContext exec, final Progress progress, final Consumer<Segmentation> also)
        throws IOException {
        return run(segmenter, spec, labels, 1, exec, progress, also);
    }

    /**
     * As {@link #run(Segmenter, VideoPortObjectSpec, Path, ExecutionContext, Progress, Consumer)}, segmenting the
     * moving mean of {@code averagedFrames} frames centred on each frame (1: the frames themselves).
     */
    public static BufferedDataTable run(final Segmenter segmenter, final VideoPortObjectSpec spec, final Path labels,
        final int averagedFrames, final ExecutionContext exec, final Progress progress,
        final Consumer<Segmentation> also) throws IOException {
        // The spec's calibration, not the reopened file's, so the outputs match what configure promised.
        Calibration calibration = spec.calibration();
        BufferedDataContainer container = exec.createDataContainer(DetectionTable.spec(calibration));
        long[] rows = {0};
        try (Video opened = spec.source().open()) {
            Video video = averagedFrames == 1 ? opened : new MovingAverageVideo(opened, averagedFrames);
            TiffStackWriter writer = TiffStackWriter.labels(labels, video.width(), video.height(), calibration);
            try {
                segmenter.segmentAll(video, progress, segmentation -> {
                    writer.write(segmentation.labelFrame());
                    for (Detection d : segmentation.detections()) {
                        container.addRowToTable(DetectionTable.row(rows[0]++, d, calibration));
                    }
                    also.accept(segmentation);
                });
            } catch (RuntimeException e) {
                writer.abort(); // no half-written label file is left behind
                throw e;
            }
            writer.close();
        } finally {
            container.close();
        }
        return container.getTable();
    }
}
