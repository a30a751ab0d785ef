package org.lptem.knime.list;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.io.VideoFiles;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;

/** List Videos: the videos of a folder as text columns, to drive a loop over them. */
public final class ListVideosNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("List Videos") //
        .icon("../../../../icons/list-videos.png") //
        .shortDescription("Lists the videos in a folder (files, frame folders and In-Situ captures), one row each, "
            + "to loop over them.") //
        .fullDescription("""
            <p>Looks at every entry of the <i>Folder</i> and keeps those the LPTEM readers open as a video: TIFF,
            DM3/DM4, MRC, SER, EMD, AVI and MP4 files, folders of numbered PNG/JPEG/TIFF frames and Gatan In-Situ
            capture folders. A folder of frames is one video here, which a plain file listing cannot tell. Each
            candidate's header is read once; entries that are not videos, and hidden ones (starting with a dot),
            are left out. Rows are sorted by name.</p>
            <p>The columns are text, so <b>Table Row to Variable Loop Start</b> turns them into string flow
            variables that set the <b>Video Reader</b>'s file and a writer's output file directly:</p>
            <ul>
            <li><tt>video_file</tt>: the absolute path of the video;</li>
            <li><tt>name</tt>: its name without extension (<tt>run7</tt> for <tt>run7.dm4</tt>); where two
            videos would share a name (<tt>run7.dm4</tt> and <tt>run7.tif</tt>), each keeps its extension after an
            underscore (<tt>run7_dm4</tt>, <tt>run7_tif</tt>), so that no video's results overwrite another's;</li>
            <li><tt>results_file</tt>: <tt>&lt;Results folder&gt;/&lt;name&gt;.csv</tt>, or
            <tt>&lt;video folder&gt;/&lt;name&gt;_results.csv</tt> without a results folder.</li>
            </ul>
            <h4>Example</h4>
            <p><i>Folder</i> <tt>/data/2026-11-session</tt> with <tt>run1.dm4</tt>, <tt>run2.dm4</tt> and a frame
            folder <tt>run3/</tt>, <i>Results folder</i> <tt>/data/results</tt>: three rows, the last with
            <tt>results_file</tt> <tt>/data/results/run3.csv</tt>. The workflow
            <i>batch-analysis-of-a-folder-of-videos</i> loops over them.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p.addOutputTable("Videos", "One row per video: video_file, name, results_file (text).")) //
        .model(m -> m.parametersClass(ListVideosParameters.class) //
            .configure(ListVideosNodeFactory::configure) //
            .execute(ListVideosNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "batch", "folder", "list files", "loop", "videos");

    public ListVideosNodeFactory() {
        super(NODE);
    }

    static DataTableSpec spec() {
        return new DataTableSpec("videos", new DataColumnSpec[]{Cells.textColumn("video_file"),
            Cells.textColumn("name"), Cells.textColumn("results_file")});
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        ListVideosParameters params = in.getParameters();
        params.validate();
        out.setOutSpec(0, spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        ListVideosParameters params = in.getParameters();
        ExecutionContext exec = in.getExecutionContext();
        Path folder;
        Path results;
        try {
            folder = params.folderPath();
            results = params.resultsPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            List<Path> videos = VideoFiles.list(folder, new KnimeProgress(exec));
            BufferedDataContainer c = exec.createDataContainer(spec());
            try {
                List<String> names = VideoFiles.names(videos);
                for (int row = 0; row < videos.size(); row++) {
                    Path v = videos.get(row);
                    String name = names.get(row);
                    Path csv = results != null ? results.resolve(name + ".csv")
                        : v.resolveSibling(name + "_results.csv");
                    c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)row),
                        new StringCell(v.toAbsolutePath().toString()), new StringCell(name),
                        new StringCell(csv.toAbsolutePath().toString())));
                }
            } finally {
                c.close();
            }
            out.setOutData(0, c.getTable());
            if (videos.isEmpty()) {
                out.setWarningMessage("No video found in " + folder + ".");
            }
        });
    }
}
