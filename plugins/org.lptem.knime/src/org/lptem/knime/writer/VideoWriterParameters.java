package org.lptem.knime.writer;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.LptemException;
import org.lptem.io.VideoExport;
import org.lptem.knime.common.LocalPaths;

/** Settings of the Video Writer: the format follows the file's extension, so one setting names both. */
public final class VideoWriterParameters implements NodeParameters {

    @Widget(title = "Output file", description = "File to write; its extension picks the format: .tif or .tiff "
        + "(TIFF stack, values and calibration kept), .mp4 (H.264 movie), .avi (Motion-JPEG movie) or .png (the "
        + "first frame as a picture). A path or a KNIME URL such as knime://knime.workflow/data/movie.mp4; set it from a flow variable in loops.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/movie.tif")
    String outputFile = "";

    @Widget(title = "Frames per second (movies)", description = "Playback rate of MP4 and AVI movies. 0 plays in "
        + "real time when the frame interval is known (1 / s per frame), else at 10 frames per second. Ignored for "
        + "TIFF.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double framesPerSecond;

    @Widget(title = "Overwrite", description = "Replace an existing file. Off, the node fails instead.")
    boolean overwrite;

    @Widget(title = "Track tail (frames)", description = "When a tracks table is connected: how many past frames "
        + "of each track are drawn as a line behind its ring and id (0 = the current position only).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int trackTail = 20;

    @Override
    public void validate() throws InvalidSettingsException {
        format(path());
        if (trackTail < 0) {
            throw new InvalidSettingsException("Track tail must be 0 or more frames, got " + trackTail);
        }
        if (!(framesPerSecond >= 0 && framesPerSecond <= 1000)) {
            throw new InvalidSettingsException("Frames per second must be in 0 .. 1000 (0 = real time), got "
                + framesPerSecond);
        }
    }

    Path path() throws InvalidSettingsException {
        return LocalPaths.output(outputFile, "Output file");
    }

    static VideoExport.Format format(final Path path) throws InvalidSettingsException {
        try {
            return VideoExport.Format.ofFileName(path);
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }
}
