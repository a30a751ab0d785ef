package org.lptem.knime.list;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.LocalPaths;

/** Settings of List Videos: plain strings, so workflow variables set them in batch runs. */
public final class ListVideosParameters implements NodeParameters {

    @Widget(title = "Folder", description = "Folder holding the videos: video files, folders of numbered frames and "
        + "Gatan In-Situ captures, side by side. A path or a KNIME URL such as knime://knime.workflow/data/videos.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/videos")
    String folder = "";

    @Widget(title = "Results folder", description = "Folder for per-video results: the results_file column holds "
        + "<results folder>/<video name>.csv for each video, for a writer inside a loop. Empty puts the results "
        + "next to each video.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/results")
    String resultsFolder = "";

    @Override
    public void validate() throws InvalidSettingsException {
        folderPath();
        resultsPath();
    }

    Path folderPath() throws InvalidSettingsException {
        return LocalPaths.output(folder, "Folder");
    }

    /** The results folder, or null for "next to each video". */
    Path resultsPath() throws InvalidSettingsException {
        return resultsFolder == null || resultsFolder.isBlank() ? null
            : LocalPaths.output(resultsFolder, "Results folder");
    }
}
