package org.lptem.knime.info;

import java.util.OptionalDouble;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
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
import org.lptem.core.Calibration;
import org.lptem.knime.common.Cells;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.knime.port.VideoSource;

/** Video Info: the video port's metadata as a one-row table; what {@code lptem info} prints. */
public final class VideoInfoNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Video Info") //
        .icon("../../../../icons/video-info.png") //
        .shortDescription("Outputs a video's frame count, size, pixel type, format and calibration as a one-row "
            + "table.") //
        .fullDescription("""
            <p>Turns the description of the input video into a table row, the information <tt>lptem info</tt>
            prints: <tt>file</tt>, <tt>format</tt> (tiff, dm4, mrc, ser, emd, avi, mp4, image-folder, ...),
            <tt>frames</tt>, <tt>width_px</tt>, <tt>height_px</tt>, <tt>pixel_type</tt> (uint8, uint16,
            float32, ...), <tt>nm_per_px</tt>, <tt>s_per_frame</tt>, the field of view <tt>width_nm</tt> and
            <tt>height_nm</tt>, <tt>duration_s</tt> (frames times frame interval), and the frame range read:
            <tt>first_frame</tt>, <tt>last_frame</tt> (inclusive, in the file's numbering) and
            <tt>frame_step</tt>. Values are those after the Video Reader's frame range and calibration override.
            A calibration value the file does not record, and everything computed from it, is a missing
            cell.</p>
            <p>The columns are always the same, so the rows of many videos concatenate, for example at the end of
            a loop over a folder of videos; connect the table to <b>Table Row to Variable</b> to steer later nodes
            with the frame count or pixel size. The node reads nothing: the Video Reader already read the
            header.</p>
            <h4>Example</h4>
            <p>Video Reader on a folder of 1200 PNG frames with a pixel size of 0.8 nm/px and a frame interval of
            0.04 s set in its dialog, Video Info after it: one row with format image-folder, 1200 frames,
            <tt>duration_s</tt> 48 and <tt>width_nm</tt> 819.2 for 1024 px wide frames.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "Video from the Video Reader or the LPTEM Video Simulator.", VideoPortObject.TYPE) //
            .addOutputTable("Video info", "One row: file, format, frames, width_px, height_px, pixel_type, "
                + "nm_per_px, s_per_frame, width_nm, height_nm, duration_s, first_frame, last_frame, frame_step.")) //
        .model(m -> m.withoutParameters() //
            .configure(VideoInfoNodeFactory::configure) //
            .execute(VideoInfoNodeFactory::execute)) //
        .keywords("LPTEM", "metadata", "calibration", "pixel size", "frame interval", "header", "info");

    public VideoInfoNodeFactory() {
        super(NODE);
    }

    static DataTableSpec spec() {
        return new DataTableSpec("video_info", new DataColumnSpec[]{Cells.textColumn("file"),
            Cells.textColumn("format"), Cells.intColumn("frames"), Cells.intColumn("width_px"),
            Cells.intColumn("height_px"), Cells.textColumn("pixel_type"), Cells.realColumn("nm_per_px"),
            Cells.realColumn("s_per_frame"), Cells.realColumn("width_nm"), Cells.realColumn("height_nm"),
            Cells.realColumn("duration_s"), Cells.intColumn("first_frame"), Cells.intColumn("last_frame"),
            Cells.intColumn("frame_step")});
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        out.setOutSpec(0, spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        VideoPortObject video = in.getInPortObject(0);
        ExecutionContext exec = in.getExecutionContext();
        BufferedDataContainer c = exec.createDataContainer(spec());
        try {
            c.addRowToTable(new DefaultRow(RowKey.createRowKey(0L), cells(video.getSpec())));
        } finally {
            c.close();
        }
        out.setOutData(0, c.getTable());
    }

    static DataCell[] cells(final VideoPortObjectSpec v) {
        Calibration c = v.calibration();
        VideoSource s = v.source();
        OptionalDouble nm = c.nmPerPixel();
        OptionalDouble sec = c.secondsPerFrame();
        // the last frame read, in the file's numbering: from + (frames - 1) * step
        int last = s.from() + (v.frameCount() - 1) * s.step();
        return new DataCell[]{new StringCell(s.file()), new StringCell(v.format()), Cells.integer(v.frameCount()),
            Cells.integer(v.width()), Cells.integer(v.height()), new StringCell(v.pixelType().label()),
            orMissing(nm, 1), orMissing(sec, 1), orMissing(nm, v.width()), orMissing(nm, v.height()),
            orMissing(sec, v.frameCount()), Cells.integer(s.from()),
            v.frameCount() == 0 ? DataType.getMissingCell() : Cells.integer(last), Cells.integer(s.step())};
    }

    /** {@code value * factor}, or a missing cell when the value is unknown. */
    private static DataCell orMissing(final OptionalDouble value, final double factor) {
        return value.isPresent() ? Cells.real(value.getAsDouble() * factor) : DataType.getMissingCell();
    }
}
