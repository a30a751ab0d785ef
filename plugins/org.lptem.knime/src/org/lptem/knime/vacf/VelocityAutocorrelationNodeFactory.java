package org.lptem.knime.vacf;

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
import org.lptem.stats.TrackSeries;
import org.lptem.stats.report.Report;
import org.lptem.stats.report.VacfReport;
import org.lptem.track.TrackFilters;

/** Velocity Autocorrelation: the VACF of vector displacements, pooled and per track; as {@code lptem vacf}. */
public final class VelocityAutocorrelationNodeFactory extends DefaultNodeFactory {

    /** The statistics bundle's tables, in output port order. */
    private static final List<String> TABLES = List.of("vacf", "vacf_tracks");

    private static final String FIGURE = "vacf";

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Velocity Autocorrelation") //
        .icon("../../../../icons/velocity-autocorrelation.png") //
        .shortDescription("Velocity autocorrelation C(lag) = <v(t) . v(t + lag)> of particle tracks, pooled over "
            + "tracks and per track.") //
        .fullDescription("""
            <p>With the velocity v(t) = (r(t + step) - r(t)) / step over <i>Velocity step</i> frames, the
            velocity autocorrelation at lag n is C(n) = &lt;v(t) · v(t + n)&gt;, averaged over all time origins t
            at which both velocities exist; frames where the particle was not detected are skipped, so lags stay
            exact. The ensemble table pools the products of all tracks (each pair counts once), the per-track
            table has each track's own curve. <tt>vacf_normalized</tt> is C(n)/C(0).</p>
            <p><b>Reading the curve.</b> Brownian motion gives C(n) = 0 for n at least one step, apart from a dip
            of -2 sigma²/step² at n = step from the localisation error sigma. Fractional Brownian motion with a
            step of 1 frame gives C(1)/C(0) = 2^(alpha-1) - 1: negative for subdiffusion (alpha &lt; 1, for
            example viscoelastic or crowded media), positive for superdiffusion. Directed motion keeps C(n)
            positive.</p>
            <p><b>Units.</b> <tt>vacf_px2_per_frame2</tt> always, <tt>vacf_nm2_per_s2</tt> when the pixel size
            and frame interval are known, <tt>lag_s</tt> when the frame interval is known. The calibration comes
            from the column properties the LPTEM nodes attach to <tt>x</tt> and <tt>frame</tt>, otherwise from
            the fallback settings. The tables are the <tt>vacf.csv</tt> and <tt>vacf_tracks.csv</tt> of
            <tt>lptem vacf</tt>, the plot its <tt>vacf.png</tt>.</p>
            <p>The input needs the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt> and <tt>y</tt>
            (pixels), at most one row per particle and frame. Tracks shorter than <i>Minimum track length</i>
            are left out; without any track the tables are empty and the node warns.</p>
            <h4>Example</h4>
            <p>Gold nanoparticles that look subdiffusive in the MSD: <i>Maximum lag</i> 20, <i>Velocity step</i>
            1. A negative C(1)/C(0) that persists with a step of 2 or 3 frames (where localisation noise matters
            less) indicates anti-persistent, viscoelastic motion rather than noise.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "Tracks with at least the numeric columns frame, particle, x and y.") //
            .addOutputTable("Ensemble VACF", "One row per lag: delta_frames, lag_frames, lag_s, vacf (px²/frame² "
                + "and nm²/s²), vacf_normalized, n (velocity pairs).") //
            .addOutputTable("Per-track VACF", "One row per particle and lag, with the same columns after "
                + "particle.") //
            .addOutputPort("VACF plot", "PNG: the normalised ensemble VACF against lag, with the zero line.",
                ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(VelocityAutocorrelationParameters.class) //
            .configure(VelocityAutocorrelationNodeFactory::configure) //
            .execute(VelocityAutocorrelationNodeFactory::execute)) //
        .keywords("LPTEM", "VACF", "velocity autocorrelation", "anti-persistence", "viscoelastic",
            "fractional Brownian motion", "trajectory", "statistics");

    public VelocityAutocorrelationNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        VelocityAutocorrelationParameters params = in.getParameters();
        params.validate();
        DataTableSpec input = in.getInTableSpec(0);
        TrackTables.trackColumns(input);
        Calibration calibration = params.effective(TableCalibration.read(input));
        DataTableSpec[] specs = NodeFailures.configure(() -> tableSpecs(calibration, params));
        out.setOutSpecs(specs[0], specs[1], Figures.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        VelocityAutocorrelationParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            Calibration calibration = params.effective(TableCalibration.read(table.getDataTableSpec()));
            List<Track> tracks = TrackFilters.minLength(TrackTables.readTracks(table, progress.sub(0, 0.2)),
                params.minTrackLength);
            if (tracks.isEmpty()) {
                DataTableSpec[] specs = tableSpecs(calibration, params);
                out.setOutData(ResultTables.empty(specs[0], exec), ResultTables.empty(specs[1], exec),
                    Figures.placeholder("No track with at least " + params.minTrackLength + " points."));
                out.setWarningMessage("The input has no track with at least " + params.minTrackLength
                    + " points; the outputs are empty.");
                return;
            }
            Report report = VacfReport.run(TrackSeries.ofAll(tracks), calibration, params.maxLagFrames,
                params.deltaFrames, progress.sub(0.2, 0.9));
            Progress writing = progress.sub(0.9, 1);
            out.setOutData(ResultTables.write(report.table(TABLES.get(0)), exec, writing),
                ResultTables.write(report.table(TABLES.get(1)), exec, writing), Figures.port(report, FIGURE));
            if (report.table(TABLES.get(0)).rows().isEmpty()) {
                out.setWarningMessage("No track is long enough for a velocity step of " + params.deltaFrames
                    + " frames; the tables are empty.");
            }
        });
    }

    /** The two table specs, from the same analysis of {@link ProbeTracks} (see there); lags do not matter. */
    private static DataTableSpec[] tableSpecs(final Calibration calibration,
        final VelocityAutocorrelationParameters params) {
        Report probe = VacfReport.run(ProbeTracks.series(false), calibration, Math.min(params.maxLagFrames, 2), 1,
            Progress.NONE);
        return TABLES.stream().map(name -> ResultTables.spec(probe.table(name))).toArray(DataTableSpec[]::new);
    }
}
