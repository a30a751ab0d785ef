package org.lptem.knime.msd;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.Figures;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.ProbeTracks;
import org.lptem.knime.common.ResultTables;
import org.lptem.knime.common.TableCalibration;
import org.lptem.knime.common.TrackTables;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.report.MsdReport;
import org.lptem.stats.report.Report;
import org.lptem.track.TrackFilters;

/**
 * MSD Analysis: time-averaged mean squared displacement per track and over all tracks, fits of D, alpha and the
 * localisation error with bootstrap intervals, and the MSD plot; the analysis of {@code lptem msd}.
 */
public final class MsdAnalysisNodeFactory extends DefaultNodeFactory {

    /** The statistics bundle's tables, in output port order. */
    private static final List<String> TABLES = List.of("msd_ensemble", "msd_tracks", "fits", "fit_ensemble");

    private static final String FIGURE = "msd";

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("MSD Analysis") //
        .icon("../../../../icons/msd-analysis.png") //
        .shortDescription("Computes the mean squared displacement of particle tracks, per track and over all "
            + "tracks, and fits the diffusion coefficient, the anomalous exponent and the localisation error.") //
        .fullDescription("""
            <p>For every track, the time-averaged mean squared displacement at lag n (in frames) is the mean of
            |r(i+n) - r(i)|² over all pairs of detections n frames apart; frames where the particle was not
            detected are skipped, so lags stay exact. The ensemble table pools the displacements of all tracks
            at each lag (<tt>msd_px2</tt>, with <tt>n</tt> displacements) and adds the Qian-weighted mean of the
            time-averaged MSDs with its bootstrap interval (<tt>msd_ta_mean_*</tt>, <tt>n_tracks</tt>), the
            ensemble-averaged MSD from each track's first frame (<tt>msd_ea_*</tt>) and the ergodicity-breaking
            parameter <tt>eb</tt>.</p>
            <p><b>Fits.</b> For each track and for the mean curve: the diffusion coefficient <tt>D</tt> from
            Michalet's free-offset line MSD = 4 D t + offset through his optimal number of lags
            (<tt>n_points_D</tt>); the anomalous exponent <tt>alpha</tt> and the generalised coefficient
            <tt>K</tt> from MSD = 4 (K t^alpha + sigma²) fitted in log space with sigma fixed
            (<tt>n_points_alpha</tt>); and the localisation error <tt>sigma</tt> per axis, obtained as set in
            <i>Localisation error</i> (column <tt>sigma_method</tt>). With <i>Bootstrap replicates</i> above 0,
            every value has a percentile confidence interval in its <tt>_lo</tt> and <tt>_hi</tt> columns
            (missing without bootstrap). The motion-blur correction uses <i>Exposure fraction</i>.</p>
            <p><b>Units.</b> Every column name ends with its unit: <tt>_px2</tt>, <tt>_px2_per_frame</tt>,
            <tt>_px</tt> always; <tt>_nm2</tt>, <tt>_nm2_per_s</tt>, <tt>_nm</tt> and <tt>lag_s</tt> when the
            pixel size and the frame interval are known. K is in px²/frame^alpha (<tt>K_px2_per_frame_alpha</tt>)
            and nm²/s^alpha. The calibration is taken from the column properties the LPTEM nodes attach to
            <tt>x</tt> and <tt>frame</tt>; for a table without them (for example from a CSV file) the values in
            <i>Calibration fallback</i> are used. The columns are those of the <tt>msd_ensemble.csv</tt>,
            <tt>msd_tracks.csv</tt>, <tt>fits.csv</tt> and <tt>fit_ensemble.csv</tt> files of <tt>lptem msd</tt>,
            and the plot is its <tt>msd.png</tt>.</p>
            <p>The input needs the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt> and <tt>y</tt>
            (pixels), as the <b>Particle Linker</b> writes them. Each particle may have at most one row per
            frame. Tracks shorter than <i>Minimum track length</i> are left out. Without any track the tables are
            empty, the plot says so, and the node warns.</p>
            <p><b>Workflows saved before the fits were added</b> keep their three settings and get the defaults
            for the new ones. The first two outputs keep their columns and gain new ones after them; the
            automatic maximum lag is now at least 10 frames.</p>
            <h4>Example</h4>
            <p>Tracks of 200 frames at 0.1 s/frame and 1.2 nm/px from the Particle Linker: leave <i>Maximum
            lag</i> at 0 for the automatic choice (50 frames), <i>Localisation error</i> at Ensemble and
            <i>Bootstrap replicates</i> at 200. The ensemble fit reports D in nm²/s with its 95 % interval, and
            <tt>alpha</tt> near 1 for free diffusion, below 1 for subdiffusion. Set <i>Exposure fraction</i> to 1
            if the camera integrated over the whole frame time.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "Tracks with at least the numeric columns frame, particle, x and y.") //
            .addOutputTable("Ensemble MSD", "One row per lag: lag_frames, lag_s, msd_px2, msd_nm2, n (pooled "
                + "displacements), the Qian-weighted mean of the time-averaged MSDs with its interval "
                + "(msd_ta_mean_*), n_tracks, the ensemble-averaged MSD from each track's start (msd_ea_*), "
                + "n_tracks_ea and the ergodicity-breaking parameter eb.") //
            .addOutputTable("Per-track MSD", "One row per particle and lag: particle, lag_frames, lag_s, msd_px2, "
                + "msd_nm2, n.") //
            .addOutputTable("Track fits", "One row per particle: track_points, span_frames, D (px²/frame and "
                + "nm²/s), n_points_D, alpha, K, n_points_alpha, sigma (px and nm), each with _lo and _hi, and "
                + "sigma_method.") //
            .addOutputTable("Ensemble fit", "One row: the same fit for the mean curve of all tracks, with the "
                + "number of tracks and of tracks that informed the shared sigma (profiled_tracks).") //
            .addOutputPort("MSD plot", "PNG, log-log axes: the time-averaged MSD of each track (up to 100, grey), "
                + "their Qian-weighted mean with its interval, the ensemble fit of K and alpha with its bootstrap "
                + "band, and the D line.", ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(MsdAnalysisParameters.class) //
            .configure(MsdAnalysisNodeFactory::configure) //
            .execute(MsdAnalysisNodeFactory::execute)) //
        .keywords("LPTEM", "MSD", "mean squared displacement", "diffusion", "diffusion coefficient",
            "anomalous diffusion", "alpha", "localisation error", "bootstrap", "trajectory", "statistics");

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
        DataTableSpec[] specs = NodeFailures.configure(() -> tableSpecs(calibration, params));
        out.setOutSpecs(specs[0], specs[1], specs[2], specs[3], Figures.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        MsdAnalysisParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            Calibration calibration = params.effective(TableCalibration.read(table.getDataTableSpec()));
            List<Track> tracks = TrackFilters.minLength(TrackTables.readTracks(table, progress.sub(0, 0.1)),
                params.minTrackLength);
            if (tracks.isEmpty()) {
                DataTableSpec[] specs = tableSpecs(calibration, params);
                out.setOutData(ResultTables.empty(specs[0], exec), ResultTables.empty(specs[1], exec),
                    ResultTables.empty(specs[2], exec), ResultTables.empty(specs[3], exec),
                    Figures.placeholder("No track with at least " + params.minTrackLength + " points."));
                out.setWarningMessage("The input has no track with at least " + params.minTrackLength
                    + " points; the outputs are empty.");
                return;
            }
            // Tracks read without orientations, so the report holds the translational analysis only.
            Report report = MsdReport.run(TrackSeries.ofAll(tracks), calibration, params.toSettings(),
                progress.sub(0.1, 0.95));
            Progress writing = progress.sub(0.95, 1);
            out.setOutData(ResultTables.write(report.table(TABLES.get(0)), exec, writing),
                ResultTables.write(report.table(TABLES.get(1)), exec, writing),
                ResultTables.write(report.table(TABLES.get(2)), exec, writing),
                ResultTables.write(report.table(TABLES.get(3)), exec, writing), Figures.port(report, FIGURE));
        });
    }

    /** The four table specs, from the same analysis of {@link ProbeTracks} (see there). */
    private static DataTableSpec[] tableSpecs(final Calibration calibration, final MsdAnalysisParameters params) {
        // Columns depend on neither the lags nor the bootstrap: keep the probe small.
        MsdSettings settings = params.toSettings().withMaxLag(0).withBootstrap(0, params.seed);
        Report probe = MsdReport.run(ProbeTracks.series(false), calibration, settings, Progress.NONE);
        return TABLES.stream().map(name -> ResultTables.spec(probe.table(name))).toArray(DataTableSpec[]::new);
    }
}
