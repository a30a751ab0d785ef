package org.lptem.knime.rotation;

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
import org.lptem.stats.MsdResult;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.Orientations;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.plot.Figure;
import org.lptem.stats.report.MsdReport;
import org.lptem.stats.table.Table;
import org.lptem.track.TrackFilters;

/**
 * Rotational Diffusion: the MSD analysis of the unwrapped in-plane orientation of rods, giving the rotational
 * diffusion coefficient; the rotational part of {@code lptem msd} (its {@code rotational_*} tables).
 */
public final class RotationalDiffusionNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Rotational Diffusion") //
        .icon("../../../../icons/rotational-diffusion.png") //
        .shortDescription("Rotational mean squared displacement of the orientation of rod-like particles, with "
            + "fits of the rotational diffusion coefficient, the anomalous exponent and the orientation error.") //
        .fullDescription("""
            <p>Treats the in-plane orientation of each particle as a one-dimensional coordinate and applies the
            analysis of <b>MSD Analysis</b> to it. A segmented ellipse's axis is only defined modulo 180 degrees
            (the detector reports it in (-90, 90]), so each track's orientation is first unwrapped: every angle
            is shifted by the multiple of 180 degrees that brings it closest to the previous one. This is right
            as long as a particle turns by less than 90 degrees between two observed frames.</p>
            <p>For one angle the model is MSD = 2 (K t^alpha + sigma²); for free rotation (alpha = 1) the
            coefficient <tt>D</tt> is the rotational diffusion coefficient D_r of MSD = 2 D_r t. Per track and for
            the Qian-weighted mean of all tracks, the node fits <tt>D</tt> (free-offset line through Michalet's
            optimal number of lags), <tt>alpha</tt> and <tt>K</tt> (log-space fit with sigma fixed) and the
            orientation error <tt>sigma</tt> as set in <i>Orientation error</i>, each with a bootstrap interval
            when <i>Bootstrap replicates</i> is above 0.</p>
            <p><b>Units.</b> Angles are in degrees (<tt>msd_deg2</tt>, <tt>D_deg2_per_frame</tt>,
            <tt>sigma_deg</tt>) and always also in radians (<tt>msd_rad2</tt>, <tt>sigma_rad</tt>); rates per
            second (<tt>D_rad2_per_s</tt>, <tt>lag_s</tt>) appear when the frame interval is known, from the
            <tt>frame</tt> column's property or the fallback setting. The tables are the
            <tt>rotational_msd_ensemble.csv</tt>, <tt>rotational_msd_tracks.csv</tt>,
            <tt>rotational_fits.csv</tt> and <tt>rotational_fit_ensemble.csv</tt> of <tt>lptem msd</tt>, the plot
            its <tt>rotational_msd.png</tt>.</p>
            <p>The input needs the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt>, <tt>y</tt> and
            <tt>orientation_deg</tt> (degrees from +x towards +y), as the <b>Particle Detector</b> writes them and
            the <b>Particle Linker</b> keeps them. Missing orientations are skipped. Only particles with a clear
            long axis (rods, elongated prisms) have a meaningful orientation: check that
            <tt>major_axis_px</tt> is well above <tt>minor_axis_px</tt>, since the orientation of a nearly round
            particle is noise. Tracks with fewer than two orientations are left out; without any the tables are
            empty and the node warns.</p>
            <h4>Example</h4>
            <p>Gold nanorods 40 x 16 nm tracked at 20 frames/s: <i>Maximum lag</i> 0, <i>Orientation error</i>
            Ensemble, 200 bootstrap replicates. The ensemble fit gives D_r in rad²/s (<tt>D_rad2_per_s</tt>) with
            its 95 % interval, to compare with the Stokes-Einstein-Debye value of a rod of that size, and
            <tt>alpha</tt>, below 1 when the rotation is hindered, for example near the window.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "Tracks with the numeric columns frame, particle, x, y and orientation_deg.") //
            .addOutputTable("Rotational MSD", "One row per lag: lag_frames, lag_s, msd_deg2, msd_rad2, n, the "
                + "Qian-weighted mean of the tracks' rotational MSDs with its interval (msd_ta_mean_*), n_tracks, "
                + "the ensemble-averaged MSD from each track's start (msd_ea_*), n_tracks_ea, eb.") //
            .addOutputTable("Per-track rotational MSD", "One row per particle and lag: particle, lag_frames, lag_s, "
                + "msd_deg2, msd_rad2, n.") //
            .addOutputTable("Rotational fits", "One row per particle: track_points (points with an orientation), "
                + "span_frames, D (deg²/frame and rad²/s), n_points_D, alpha, K, n_points_alpha, sigma (deg and "
                + "rad), each with _lo and _hi, and sigma_method.") //
            .addOutputTable("Rotational ensemble fit", "One row: the same fit for the mean curve of all tracks.") //
            .addOutputPort("Rotational MSD plot", "PNG, log-log axes: the tracks' rotational MSDs, their mean with "
                + "its interval, the fit of K and alpha with its band, and the D line.", ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(RotationalDiffusionParameters.class) //
            .configure(RotationalDiffusionNodeFactory::configure) //
            .execute(RotationalDiffusionNodeFactory::execute)) //
        .keywords("LPTEM", "rotational diffusion", "rotation", "orientation", "nanorod", "angular MSD",
            "trajectory", "statistics");

    public RotationalDiffusionNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        RotationalDiffusionParameters params = in.getParameters();
        params.validate();
        DataTableSpec input = in.getInTableSpec(0);
        TrackTables.orientedTrackColumns(input);
        Calibration calibration = params.effective(TableCalibration.read(input));
        DataTableSpec[] specs = NodeFailures.configure(() -> tableSpecs(calibration, params));
        out.setOutSpecs(specs[0], specs[1], specs[2], specs[3], Figures.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        RotationalDiffusionParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            Calibration calibration = params.effective(TableCalibration.read(table.getDataTableSpec()));
            List<Track> tracks = TrackFilters.minLength(TrackTables.readTracks(table, progress.sub(0, 0.1), true),
                params.minTrackLength);
            List<TrackSeries> rotating = Orientations.angleSeries(TrackSeries.ofAll(tracks));
            if (rotating.isEmpty()) {
                DataTableSpec[] specs = tableSpecs(calibration, params);
                String why = "No track with at least " + params.minTrackLength + " points and 2 orientations.";
                out.setOutData(ResultTables.empty(specs[0], exec), ResultTables.empty(specs[1], exec),
                    ResultTables.empty(specs[2], exec), ResultTables.empty(specs[3], exec), Figures.placeholder(why));
                out.setWarningMessage(why + " The outputs are empty.");
                return;
            }
            MsdResult result = analyse(rotating, params.toSettings(), progress.sub(0.1, 0.95));
            Table[] tables = tables(result, calibration);
            Progress writing = progress.sub(0.95, 1);
            Figure plot = MsdReport.rotationalFigure(result, calibration);
            out.setOutData(ResultTables.write(tables[0], exec, writing), ResultTables.write(tables[1], exec, writing),
                ResultTables.write(tables[2], exec, writing), ResultTables.write(tables[3], exec, writing),
                Figures.port(plot));
        });
    }

    private static MsdResult analyse(final List<TrackSeries> angles, final MsdSettings settings,
        final Progress progress) {
        return MsdReport.rotational(angles, settings, progress);
    }

    /** The four tables, in output port order, in degrees and radians. */
    private static Table[] tables(final MsdResult result, final Calibration calibration) {
        return MsdReport.rotationalTables(result, calibration).toArray(Table[]::new);
    }

    /** The four table specs, from the same analysis of {@link ProbeTracks} (see there) with orientations. */
    private static DataTableSpec[] tableSpecs(final Calibration calibration,
        final RotationalDiffusionParameters params) {
        // Columns depend on neither the lags nor the bootstrap: keep the probe small.
        MsdSettings settings = params.toSettings().withMaxLag(0).withBootstrap(0, params.seed);
        Table[] tables =
            tables(analyse(Orientations.angleSeries(ProbeTracks.series(true)), settings, Progress.NONE), calibration);
        DataTableSpec[] specs = new DataTableSpec[tables.length];
        for (int i = 0; i < tables.length; i++) {
            specs[i] = ResultTables.spec(tables[i]);
        }
        return specs;
    }
}
