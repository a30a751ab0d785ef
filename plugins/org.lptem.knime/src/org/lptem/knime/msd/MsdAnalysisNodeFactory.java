package org.lptem.knime.msd;

import java.util.List;

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
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TableCalibration;
import org.lptem.knime.common.TrackTables;
import org.lptem.stats.Msd;

/** MSD Analysis: time-averaged mean squared displacement per track and over all tracks. */
public final class MsdAnalysisNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("MSD Analysis") //
        .icon("../../../../icons/msd-analysis.png") //
        .shortDescription("Computes the mean squared displacement of particle tracks, per track and averaged over "
            + "all tracks.") //
        .fullDescription("""
            <p>For every track, the time-averaged mean squared displacement at lag n (in frames) is the mean of
            |r(i+n) - r(i)|² over all pairs of detections n frames apart; frames where the particle was not
            detected are skipped, so lags stay exact. The ensemble MSD averages the displacements of all tracks at
            each lag; <tt>n</tt> is the number of displacements averaged. Lags without any displacement are left
            out.</p>
            <p>The input needs the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt> and <tt>y</tt>
            (pixels), as the <b>Particle Linker</b> writes them. Each particle may have at most one row per
            frame.</p>
            <p>Physical units: the pixel size and frame interval are taken from the column properties the LPTEM
            nodes attach to <tt>x</tt> and <tt>frame</tt>. When the input does not carry them (for example a table
            from a CSV file), the values in <i>Calibration fallback</i> are used. <tt>lag_s</tt> is present when a
            frame interval is known and <tt>msd_nm2</tt> when a pixel size is known.</p>
            <p>For 2D free diffusion MSD(t) = 4 D t; fit the first few lags, since long lags average few
            displacements. A localisation error adds a constant offset.</p>
            <h4>Example</h4>
            <p>Tracks of 200 frames at 0.1 s/frame: leave <i>Maximum lag</i> at 0 for the automatic choice, or
            set it to 50 to see the curve up to 5 s.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "Tracks with at least the numeric columns frame, particle, x and y.") //
            .addOutputTable("Ensemble MSD", "One row per lag: lag_frames, lag_s, msd_px2, msd_nm2, n.") //
            .addOutputTable("Per-track MSD", "One row per particle and lag: particle, lag_frames, lag_s, msd_px2, "
                + "msd_nm2, n.")) //
        .model(m -> m.parametersClass(MsdAnalysisParameters.class) //
            .configure(MsdAnalysisNodeFactory::configure) //
            .execute(MsdAnalysisNodeFactory::execute)) //
        .keywords("LPTEM", "MSD", "mean squared displacement", "diffusion", "trajectory", "statistics");

    public MsdAnalysisNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        MsdAnalysisParameters params = in.getParameters();
        params.validate();
        DataTableSpec input = in.getInTableSpec(0);
        TrackTables.trackColumns(input);
        Calibration calibration = params.effective(TableCalibration.read(input));
        out.setOutSpecs(new MsdTable(calibration, false).spec(), new MsdTable(calibration, true).spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        MsdAnalysisParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            Calibration calibration = params.effective(TableCalibration.read(table.getDataTableSpec()));
            List<Track> tracks = TrackTables.readTracks(table, progress.sub(0, 0.3));
            MsdTable ensembleLayout = new MsdTable(calibration, false);
            BufferedDataContainer ensemble = exec.createDataContainer(ensembleLayout.spec());
            MsdTable perTrackLayout = new MsdTable(calibration, true);
            BufferedDataContainer perTrack = exec.createDataContainer(perTrackLayout.spec());
            try {
                if (!tracks.isEmpty()) {
                    int maxLag = params.maxLagFrames > 0 ? params.maxLagFrames : Msd.defaultMaxLag(tracks);
                    progress.report(0.3, "Ensemble MSD up to lag " + maxLag);
                    ensembleLayout.write(ensemble, 0, 0, Msd.ensemble(tracks, maxLag));
                    writePerTrack(perTrackLayout, perTrack, tracks, maxLag, progress.sub(0.4, 1));
                }
            } finally {
                ensemble.close();
                perTrack.close();
            }
            out.setOutData(ensemble.getTable(), perTrack.getTable());
            if (tracks.isEmpty()) {
                out.setWarningMessage("The input has no tracks; the outputs are empty.");
            }
        });
    }

    private static void writePerTrack(final MsdTable layout, final BufferedDataContainer out, final List<Track> tracks,
        final int maxLag, final Progress progress) {
        long row = 0;
        for (int t = 0; t < tracks.size(); t++) {
            progress.checkCanceled();
            progress.report((double)t / tracks.size(), "MSD of track " + (t + 1) + "/" + tracks.size());
            Track track = tracks.get(t);
            row = layout.write(out, row, track.particle(), Msd.timeAveraged(track, maxLag));
        }
        progress.report(1, "MSD of " + tracks.size() + " tracks");
    }
}
