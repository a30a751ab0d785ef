package org.lptem.knime.writer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.io.Overlay;
import org.lptem.io.VideoExport;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TrackTables;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;

/** Video Writer: the referenced video (its frame range and calibration applied) to a TIFF stack or a movie. */
public final class VideoWriterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Video Writer") //
        .icon("../../../../icons/video-writer.png") //
        .shortDescription("Writes a video to a TIFF stack with its values and calibration, to an MP4 or AVI "
            + "movie for presentations, or its first frame to a PNG.") //
        .fullDescription("""
            <p>Writes the frames of the input video, after the Video Reader's frame range and calibration
            override, to one file. The extension of the <i>Output file</i> picks the format:</p>
            <ul>
            <li><tt>.tif</tt> / <tt>.tiff</tt>: an uncompressed, ImageJ-compatible TIFF stack in the video's
            pixel type, values unchanged, with the pixel size and frame interval recorded (what
            <tt>lptem convert</tt> writes). Use it to turn a DM4, MRC, SER, EMD, AVI or MP4 recording into a file
            that ImageJ, Fiji, Python and every LPTEM node read quickly, or to keep a trimmed part of a
            video.</li>
            <li><tt>.mp4</tt> (H.264) and <tt>.avi</tt> (Motion JPEG): a movie of grey frames, contrast-stretched
            between the 1st and 99th percentiles of frames spread over the whole video (one range, so the movie
            does not flicker), played at <i>Frames per second</i>. The values are not kept; this is for
            talks and papers.</li>
            <li><tt>.png</tt>: the first frame as a contrast-stretched picture, a preview for reports.</li>
            </ul>
            <p>Movies and previews can show the analysis: connect label masks (from a segmenter or the
            simulator's ground truth) to draw each particle's outline in its own colour, and a tracks table (from the
            Particle Linker) to draw each track's ring, id and the last <i>Track tail</i> frames of its path, in the
            same colour as its outline (what <tt>lptem convert --labels --tracks</tt> draws). A TIFF keeps the
            measured values, so nothing is drawn on it; connecting either optional port with a TIFF output fails
            with a message saying so.</p>
            <p>Frames are read and written one at a time, so memory does not grow with the video. The file is
            written under a temporary name and appears only when every frame was written; a failure or a
            cancel leaves nothing behind. The node refuses to overwrite its own input. The output table has one
            row: <tt>file</tt>, <tt>format</tt>, <tt>frames</tt> (of the video), <tt>width_px</tt>, <tt>height_px</tt>, so
            loops can collect what they wrote.</p>
            <h4>Example</h4>
            <p>Convert a Gatan recording for Fiji: Video Reader on <tt>/data/run7/movie.dm4</tt>, frames 0 to
            999, then Video Writer with <i>Output file</i> <tt>/data/run7/movie.tif</tt>. For a talk:
            <tt>knime://knime.workflow/data/run7.mp4</tt> with <i>Frames per second</i> 0 (real time).</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "The video to write.", VideoPortObject.TYPE) //
            .addInputPort("Label masks", "Optional: label masks (same frame numbering as the video) whose outlines "
                + "are drawn on movies and previews.", LabelMaskPortObject.TYPE_OPTIONAL) //
            .addInputPort("Tracks", "Optional: tracks (frame, particle, x, y in px) drawn with their ids and tails "
                + "on movies and previews.", BufferedDataTable.TYPE_OPTIONAL) //
            .addOutputTable("Written file", "One row: file (absolute path), format (tiff, mp4, avi, png), frames, "
                + "width_px, height_px.")) //
        .model(m -> m.parametersClass(VideoWriterParameters.class) //
            .configure(VideoWriterNodeFactory::configure) //
            .execute(VideoWriterNodeFactory::execute)) //
        .keywords("LPTEM", "convert", "export", "TIFF", "MP4", "AVI", "movie", "video");

    public VideoWriterNodeFactory() {
        super(NODE);
    }

    static DataTableSpec spec() {
        return new DataTableSpec("written_file", new DataColumnSpec[]{
            Cells.textColumn("file"),
            Cells.textColumn("format"), Cells.intColumn("frames"),
            Cells.intColumn("width_px"), Cells.intColumn("height_px")});
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        VideoWriterParameters params = in.getParameters();
        params.validate();
        VideoPortObjectSpec video = in.getInPortSpec(0);
        Path file = params.path();
        if (video != null && Path.of(video.source().file()).toAbsolutePath().normalize()
            .equals(file.toAbsolutePath().normalize())) {
            throw new InvalidSettingsException("The output file is the input video; choose another file.");
        }
        DataTableSpec tracks = in.getInPortSpec(2);
        if (VideoWriterParameters.format(file) == VideoExport.Format.TIFF
            && (in.getInPortSpec(1) != null || tracks != null)) {
            throw new InvalidSettingsException("A TIFF stack keeps the measured values, so masks and tracks cannot "
                + "be drawn on it; write .mp4, .avi or .png for an overlay, or disconnect them.");
        }
        if (tracks != null) {
            TrackTables.trackColumns(tracks);
        }
        out.setOutSpec(0, spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        VideoWriterParameters params = in.getParameters();
        VideoPortObject videoPort = in.getInPortObject(0);
        ExecutionContext exec = in.getExecutionContext();
        Path file;
        VideoExport.Format format;
        try {
            file = params.path();
            format = VideoWriterParameters.format(file);
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            if (Files.exists(file) && !params.overwrite) {
                throw LptemException.inFile(file, "already exists; tick Overwrite or choose another file");
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            VideoPortObjectSpec spec = videoPort.getSpec();
            LabelMaskPortObject masks = in.getInPortObject(1);
            BufferedDataTable trackTable = in.getInPortObject(2);
            KnimeProgress progress = new KnimeProgress(exec);
            try (Video video = spec.source().open(); Video labels = masks == null ? null : masks.getSpec().open()) {
                Overlay overlay = null;
                if (labels != null || trackTable != null) {
                    List<Track> tracks = trackTable == null ? List.of()
                        : TrackTables.readTracks(trackTable, progress.sub(0, 0.1));
                    overlay = Overlay.of(labels, tracks, params.trackTail);
                }
                VideoExport.write(video, file, format, params.framesPerSecond, overlay, progress.sub(0.1, 1));
            }
            BufferedDataContainer c = exec.createDataContainer(spec());
            try {
                c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), new StringCell(file.toString()),
                    new StringCell(format.name().toLowerCase(Locale.ROOT)), Cells.integer(spec.frameCount()),
                    Cells.integer(spec.width()), Cells.integer(spec.height())));
            } finally {
                c.close();
            }
            out.setOutData(0, c.getTable());
        });
    }
}
