package org.lptem.knime.reader;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.Calibration;
import org.lptem.knime.common.LocalPaths;
import org.lptem.knime.common.TableCalibration;
import org.lptem.knime.port.VideoSource;

/**
 * Settings of the Video Reader. Calibration values of 0 mean "keep the file's"; plain numbers rather than optional
 * fields so that a single flow variable can set each of them in batch runs.
 */
public final class VideoReaderParameters implements NodeParameters {

    @Section(title = "Input")
    interface InputSection {
    }

    @Section(title = "Calibration override")
    @After(InputSection.class)
    interface CalibrationSection {
    }

    @Section(title = "Frame range")
    @After(CalibrationSection.class)
    interface FrameRangeSection {
    }

    @Layout(InputSection.class)
    @Widget(title = "Video file", description = "Path of the video: a multi-page TIFF, another format the LPTEM "
        + "readers know, or a folder of numbered frames (sorted numerically, frame 10 after frame 9). A KNIME URL "
        + "such as knime://knime.workflow/data/movie.tif is resolved relative to the workflow. Set it from a flow "
        + "variable to process many videos with one workflow.")
    @TextInputWidget(placeholder = "/data/session-1/movie.tif")
    String file = "";

    @Layout(CalibrationSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Replaces the pixel size stored in the file. 0 keeps the "
        + "file's value; if the file has none, results stay in pixels.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(CalibrationSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Replaces the time between frames stored in the file. "
        + "0 keeps the file's value; if the file has none, times stay in frames.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Layout(FrameRangeSection.class)
    @Widget(title = "First frame", description = "First frame to read, counted from 0.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int fromFrame;

    @Layout(FrameRangeSection.class)
    @Widget(title = "Last frame", description = "Last frame to read (included), counted from 0; "
        + "-1 reads to the end of the video.")
    int toFrame = -1;

    @Layout(FrameRangeSection.class)
    @Widget(title = "Step", description = "Read every n-th frame of the range. The frame interval is multiplied by "
        + "the step, and the frames are renumbered 0, 1, 2, ... in the selection.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int frameStep = 1;

    @Override
    public void validate() throws InvalidSettingsException {
        if (file == null || file.isBlank()) {
            throw new InvalidSettingsException("Choose a video file.");
        }
        TableCalibration.checkSettings(nmPerPixel, secondsPerFrame, "from file");
        if (fromFrame < 0 || frameStep < 1) {
            throw new InvalidSettingsException("First frame must be >= 0 and step >= 1.");
        }
        if (toFrame != -1 && toFrame < fromFrame) {
            throw new InvalidSettingsException(
                "Last frame (" + toFrame + ") must be -1 or at least the first frame (" + fromFrame + ").");
        }
    }

    VideoSource toSource() throws InvalidSettingsException {
        Calibration override =
            Calibration.of(nmPerPixel > 0 ? nmPerPixel : null, secondsPerFrame > 0 ? secondsPerFrame : null);
        // The dialog's last frame is inclusive; VideoView wants one past it.
        return new VideoSource(LocalPaths.resolve(file), fromFrame, toFrame < 0 ? -1 : toFrame + 1, frameStep,
            override);
    }
}
