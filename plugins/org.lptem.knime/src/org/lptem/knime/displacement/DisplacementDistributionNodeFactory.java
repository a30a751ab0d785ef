package org.lptem.knime.displacement;

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
import org.lptem.stats.report.DisplacementReport;
import org.lptem.stats.report.DisplacementSettings;
import org.lptem.stats.report.Report;
import org.lptem.track.TrackFilters;

/**
 * Displacement Distribution: van Hove functions and the moments of the displacements per lag, with the
 * non-Gaussian parameter; the analysis of {@code lptem displacements}.
 */
public final class DisplacementDistributionNodeFactory extends DefaultNodeFactory {

    /** The statistics bundle's tables and figures, in output port order. */
    private static final List<String> TABLES = List.of("van_hove", "displacement_moments");

    private static final List<String> FIGURES = List.of("van_hove", "non_gaussian");

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Displacement Distribution") //
        .icon("../../../../icons/displacement-distribution.png") //
        .shortDescription("Distribution of particle displacements per time lag (van Hove functions) and its "
            + "moments: drift, MSD, non-Gaussian parameter alpha2, skewness and kurtosis.") //
        .fullDescription("""
            <p>Collects the displacements of all tracks over exact frame lags, from every time origin
            (overlapping), and describes their distribution. Frames where a particle was not detected are
            skipped, so a lag is always exactly that many frames.</p>
            <p><b>Van Hove functions.</b> For each lag in <i>Lags</i>, the x and y displacements are pooled and
            binned over the mean plus and minus <i>Range</i> standard deviations in <i>Bins</i> bins. Each bin
            gets the histogram density, a Gaussian kernel density estimate (Silverman's bandwidth, column
            <tt>bandwidth_*</tt>) and the normal density with the same mean and variance as reference. Brownian
            motion gives Gaussian van Hove functions; heterogeneous mobility, hopping or confinement give heavy
            tails or narrow peaks.</p>
            <p><b>Moments.</b> For every lag from 1 to <i>Maximum lag</i>: the number of 2D displacements
            <tt>n</tt>, the drift (<tt>mean_dx</tt>, <tt>mean_dy</tt>), the MSD, the non-Gaussian parameter
            <tt>alpha2</tt> = &lt;r⁴&gt;/(2&lt;r²&gt;²) - 1 of the 2D displacement (0 for Gaussian
            displacements), and the skewness and excess kurtosis of the 1D displacements about their mean.</p>
            <p><b>Units.</b> Column names end with their unit: <tt>dx_px</tt>, <tt>histogram_per_px</tt>,
            <tt>msd_px2</tt> always; <tt>dx_nm</tt>, <tt>histogram_per_nm</tt>, <tt>msd_nm2</tt> when the pixel
            size is known, and <tt>lag_s</tt> when the frame interval is known. The calibration comes from the
            column properties the LPTEM nodes attach to <tt>x</tt> and <tt>frame</tt>, otherwise from the
            fallback settings. The tables are the <tt>van_hove.csv</tt> and <tt>displacement_moments.csv</tt> of
            <tt>lptem displacements</tt>, the plots its <tt>van_hove.png</tt> and <tt>non_gaussian.png</tt>.</p>
            <p>The input needs the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt> and <tt>y</tt>
            (pixels), at most one row per particle and frame. Tracks shorter than <i>Minimum track length</i>
            are left out; without any track the tables are empty and the node warns.</p>
            <h4>Example</h4>
            <p>To test whether nanoparticles in a liquid cell diffuse normally: link the tracks, then use
            <i>Lags</i> 1, 4, 16 and <i>Maximum lag</i> 20. Gaussian van Hove functions and alpha2 near 0 at
            every lag indicate Brownian motion; alpha2 well above 0 at short lags with exponential tails in the
            van Hove plot points to heterogeneous or intermittent motion ("Brownian yet non-Gaussian").</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "Tracks with at least the numeric columns frame, particle, x and y.") //
            .addOutputTable("Van Hove", "One row per lag and bin: lag_frames, lag_s, n (1D displacements), dx "
                + "(bin centre), histogram, kde and gaussian densities, bandwidth.") //
            .addOutputTable("Displacement moments", "One row per lag: lag_frames, lag_s, n, mean_dx, mean_dy, msd, "
                + "alpha2, skewness, excess_kurtosis.") //
            .addOutputPort("Van Hove plot", "PNG: histogram (dots), kernel density (line) and Gaussian reference "
                + "(dashed) per lag, on a log density axis.", ImagePortObject.TYPE) //
            .addOutputPort("Non-Gaussian plot", "PNG: the non-Gaussian parameter alpha2 against lag.",
                ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(DisplacementDistributionParameters.class) //
            .configure(DisplacementDistributionNodeFactory::configure) //
            .execute(DisplacementDistributionNodeFactory::execute)) //
        .keywords("LPTEM", "van Hove", "displacement distribution", "non-Gaussian parameter", "alpha2", "kurtosis",
            "skewness", "heterogeneous diffusion", "trajectory", "statistics");

    public DisplacementDistributionNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        DisplacementDistributionParameters params = in.getParameters();
        params.validate();
        DataTableSpec input = in.getInTableSpec(0);
        TrackTables.trackColumns(input);
        Calibration calibration = params.effective(TableCalibration.read(input));
        DisplacementSettings settings = params.toSettings();
        DataTableSpec[] specs = NodeFailures.configure(() -> tableSpecs(calibration, settings));
        out.setOutSpecs(specs[0], specs[1], Figures.spec(), Figures.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        DisplacementDistributionParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            DisplacementSettings settings = toSettings(params);
            Progress progress = new KnimeProgress(exec);
            Calibration calibration = params.effective(TableCalibration.read(table.getDataTableSpec()));
            List<Track> tracks = TrackFilters.minLength(TrackTables.readTracks(table, progress.sub(0, 0.1)),
                params.minTrackLength);
            if (tracks.isEmpty()) {
                DataTableSpec[] specs = tableSpecs(calibration, settings);
                String why = "No track with at least " + params.minTrackLength + " points.";
                out.setOutData(ResultTables.empty(specs[0], exec), ResultTables.empty(specs[1], exec),
                    Figures.placeholder(why), Figures.placeholder(why));
                out.setWarningMessage("The input has no track with at least " + params.minTrackLength
                    + " points; the outputs are empty.");
                return;
            }
            Report report = DisplacementReport.run(TrackSeries.ofAll(tracks), calibration, settings,
                progress.sub(0.1, 0.9));
            Progress writing = progress.sub(0.9, 1);
            out.setOutData(ResultTables.write(report.table(TABLES.get(0)), exec, writing),
                ResultTables.write(report.table(TABLES.get(1)), exec, writing),
                Figures.port(report, FIGURES.get(0)), Figures.port(report, FIGURES.get(1)));
            if (report.table(TABLES.get(0)).rows().isEmpty()) {
                out.setWarningMessage("No track spans any of the van Hove lags; the van Hove table is empty.");
            }
        });
    }

    private static DisplacementSettings toSettings(final DisplacementDistributionParameters params)
        throws KNIMEException {
        try {
            return params.toSettings();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
    }

    /** The two table specs, from the same analysis of {@link ProbeTracks} (see there). */
    private static DataTableSpec[] tableSpecs(final Calibration calibration, final DisplacementSettings settings) {
        Report probe = DisplacementReport.run(ProbeTracks.series(false), calibration, settings, Progress.NONE);
        return TABLES.stream().map(name -> ResultTables.spec(probe.table(name))).toArray(DataTableSpec[]::new);
    }
}
