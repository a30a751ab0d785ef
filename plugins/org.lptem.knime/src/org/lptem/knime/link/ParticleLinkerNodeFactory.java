package org.lptem.knime.link;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataTableSpec;
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
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TrackTables;
import org.lptem.track.Drift;
import org.lptem.track.LapLinker;
import org.lptem.track.LinkingResult;
import org.lptem.track.NearestNeighbourLinker;
import org.lptem.track.TrackFilters;

/** Particle Linker: joins per-frame detections into tracks and labels each row with its particle id. */
public final class ParticleLinkerNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Particle Linker") //
        .icon("../../../../icons/particle-linker.png") //
        .shortDescription("Links detections in consecutive frames into particle tracks.") //
        .fullDescription("""
            <p>Joins the detections of successive frames into tracks, each detection in at most one track, links
            no longer than <i>Maximum distance</i>. A track may skip up to <i>Memory</i> frames in which its
            particle was not detected. Tracks shorter than <i>Minimum track length</i> are dropped.</p>
            <p><i>Method</i>: <b>LAP</b> (default) solves each frame-to-frame step as an optimal assignment that
            minimises the summed squared displacements, with the option of ending or starting tracks, and then
            closes gaps by a second assignment between track ends and later track starts (Jaqaman et al., Nature
            Methods 5, 695, 2008). <b>LAP + Kalman</b> predicts each particle's next position from its velocity,
            for directed motion. <b>Nearest neighbour</b> links the closest pairs first (greedy), as trackpy does
            without subnetworks.</p>
            <p><b>LAP options</b> (shown for LAP and LAP + Kalman; their defaults are those of the tracking
            library, so a workflow that never set them links as before):</p>
            <ul>
            <li><i>Gap-closing distance</i> bounds gap-closing links separately from frame-to-frame links, per
            square root of the frames spanned; 0 uses the maximum distance.</li>
            <li><i>Alternative cost</i> is the price of not linking. 0 derives it from the candidate links of
            each assignment, as Jaqaman et al. do; a fixed value (in px², compare with the squared maximum
            distance) makes linking decisions independent of how crowded the frames are.</li>
            <li><i>Allow merging</i> and <i>Allow splitting</i> let gap closing end a track in another particle's
            detection or start one from it, for particles that aggregate or separate. Tracks stay one point per
            frame; the merges and splits are listed in the second output.</li>
            <li><i>Subtract drift</i> estimates the common motion of the field from the detections themselves and
            links drift-corrected positions; the output keeps the detected positions.</li>
            <li>The <i>Kalman filter</i> noise levels (LAP + Kalman only) set how strongly the filter trusts the
            detections and how fast velocities may change; 0 derives them from the maximum distance.</li>
            </ul>
            <p>The input needs the columns <tt>frame</tt> (0-based frame index), <tt>x</tt> and <tt>y</tt>
            (pixels), as the <b>Particle Detector</b> writes them; any numeric column type works, so tables from
            CSV files or other trackers can be linked too. All input columns are kept, the column
            <tt>particle</tt> (track id, from 1) is appended, and rows that end up in no kept track are removed. A
            <tt>particle</tt> column already in the input is replaced. Column properties, which carry the
            calibration, are kept. Track ids are those before the length filter, so events may name tracks that
            were dropped for being short.</p>
            <h4>Example</h4>
            <p>Particles move at most 6 px between frames and are sometimes lost for a frame or two:
            <i>Method</i> LAP, <i>Maximum distance</i> 8, <i>Memory</i> 2, <i>Minimum track length</i> 20 for MSD
            analysis. If the stage drifts by several pixels per frame, tick <i>Subtract drift</i>; for nanoparticles
            that coalesce, tick <i>Allow merging</i> and read the merge frames from the second output.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Detections", "Detections with at least the numeric columns frame, x and y.") //
            .addOutputTable("Tracks", "The input rows that belong to a kept track, with the particle column "
                + "appended.") //
            .addOutputTable("Merge and split events", "One row per merge or split found by LAP gap closing with "
                + "merging or splitting allowed: event (merge or split), frame, particle, other_particle. Empty "
                + "otherwise.")) //
        .model(m -> m.parametersClass(ParticleLinkerParameters.class) //
            .configure(ParticleLinkerNodeFactory::configure) //
            .execute(ParticleLinkerNodeFactory::execute)) //
        .keywords("LPTEM", "tracking", "linking", "trajectory", "nearest neighbour", "LAP", "Jaqaman", "trackpy",
            "gap closing", "merging", "splitting", "drift", "Kalman");

    private static final int NO_TRACK = Integer.MIN_VALUE;

    public ParticleLinkerNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        ParticleLinkerParameters params = in.getParameters();
        params.validate();
        DataTableSpec input = in.getInTableSpec(0);
        TrackTables.detectionColumns(input);
        out.setOutSpecs(ParticleColumn.of(input).spec(input), EventTable.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        ParticleLinkerParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            List<Detection> detections = TrackTables.readDetections(table, progress.sub(0, 0.2));
            LinkingResult linked = link(params, detections, progress.sub(0.2, 0.9));
            List<Track> tracks = TrackFilters.minLength(linked.tracks(), params.minTrackLength);
            int[] particleOfRow = particleOfRow(detections, tracks);

            ParticleColumn layout = ParticleColumn.of(table.getDataTableSpec());
            BufferedDataContainer container = exec.createDataContainer(layout.spec(table.getDataTableSpec()));
            long[] index = {0};
            try {
                TrackTables.forEachRow(table, progress.sub(0.9, 1), "Writing tracks", row -> {
                    int particle = particleOfRow[(int)index[0]++];
                    if (particle != NO_TRACK) {
                        container.addRowToTable(layout.row(row, particle));
                    }
                });
            } finally {
                container.close();
            }
            out.setOutData(container.getTable(), EventTable.write(linked.events(), exec));
            if (tracks.isEmpty() && !detections.isEmpty()) {
                out.setWarningMessage("No track reached the minimum length of " + params.minTrackLength
                    + " detections; the output is empty.");
            }
        });
    }

    /** Links with the chosen method; nearest-neighbour linking finds no merges or splits and subtracts no drift. */
    private static LinkingResult link(final ParticleLinkerParameters params, final List<Detection> detections,
        final Progress progress) {
        if (params.isLap()) {
            return new LapLinker(params.lapSettings()).run(detections, progress);
        }
        List<Track> tracks = new NearestNeighbourLinker(params.maxDistancePx, params.memoryFrames)
            .link(detections, progress);
        return new LinkingResult(tracks, List.of(), Drift.NONE);
    }

    /**
     * Track id of each input row ({@link #NO_TRACK} if in no kept track). Detections are matched by value, not
     * identity, so this holds whether the linker hands back our instances or copies; identical rows are matched in
     * order.
     */
    private static int[] particleOfRow(final List<Detection> detections, final List<Track> tracks) {
        Map<Detection, ArrayDeque<Integer>> rows = new HashMap<>();
        for (int i = 0; i < detections.size(); i++) {
            rows.computeIfAbsent(detections.get(i), k -> new ArrayDeque<>()).add(i);
        }
        int[] particle = new int[detections.size()];
        Arrays.fill(particle, NO_TRACK);
        for (Track t : tracks) {
            for (Detection d : t.points()) {
                ArrayDeque<Integer> candidates = rows.get(d);
                if (candidates == null || candidates.isEmpty()) {
                    throw new IllegalStateException("linker returned a detection that is not in the input: " + d);
                }
                particle[candidates.poll()] = t.particle();
            }
        }
        return particle;
    }
}
