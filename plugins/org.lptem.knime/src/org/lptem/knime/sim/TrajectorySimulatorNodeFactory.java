package org.lptem.knime.sim;

import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
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
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TableCalibration;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.TrajectoryExport;

/** Trajectory Simulator: free trajectories of a motion model, without images (as lptem simulate --trajectories). */
public final class TrajectorySimulatorNodeFactory extends DefaultNodeFactory {

    /** The points are held in memory before they become rows: about 100 bytes each. */
    static final long MAX_POINTS = 10_000_000L;

    private static final int CANCEL_CHECK_TRACKS = 64;

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Trajectory Simulator") //
        .icon("../../../../icons/trajectory-simulator.png") //
        .shortDescription("Simulates particle trajectories of a chosen motion model (Brownian, fractional "
            + "Brownian, CTRW, Levy walk, confined, directed, ...), without images.") //
        .fullDescription("""
            <p>Draws <i>Number of tracks</i> independent trajectories of <i>Track length</i> frames each from a
            motion model, every one starting at the origin, with no field of view, walls or other particles
            (except the walls of the box model). Use them to check what the statistics nodes return for a known
            model, to calibrate how long tracks must be to tell models apart, or to train trajectory classifiers.
            The models are those of the <b>LPTEM Video Simulator</b> (its parameter <tt>motion</tt>), and track p
            is drawn from the same random stream as particle p of a simulated video with the same seed.</p>
            <p>The scale is K of MSD = 4 K t^alpha in nm²/s^alpha (the diffusion coefficient for models without
            an exponent), the pixel size and the frame interval: with the defaults, 20 nm²/s at 2 nm/px and
            0.05 s/frame, a Brownian step has an rms of 1 px in 2D (0.71 px per axis). CTRW, ATTM and Levy walk are clocked in
            frames, as in the AnDi challenge (waiting, segment and flight times of at least one frame): for CTRW and
            ATTM the coefficient is the D of each jump, so their MSD also depends on the frame interval; compare
            them at one frame interval. <i>Alpha</i>, <i>Speed</i> and
            <i>Confinement</i> apply to the models that name them; an alpha outside a model's range is an
            error that names the range.</p>
            <p>The output is a tracks table as the statistics nodes read it: <tt>frame</tt>, <tt>particle</tt>
            (1 to n), <tt>x</tt>, <tt>y</tt> (px), <tt>x_nm</tt>, <tt>y_nm</tt> and <tt>t_s</tt>, the columns of
            <tt>lptem simulate --trajectories</tt>, with the pixel size and frame interval also stored as
            properties of <tt>x</tt>, <tt>y</tt> and <tt>frame</tt>, so <b>MSD Analysis</b> reports nm and s
            without further settings. The points are held in memory while the table is written, so at most
            10 million points (tracks x length) are allowed; simulate more with several seeds.</p>
            <h4>Example</h4>
            <p>How well does MSD Analysis recover alpha from short tracks? <i>Model</i> fractional Brownian,
            <i>Alpha</i> 0.6, 100 tracks of 50 frames, then <b>MSD Analysis</b>: compare the alpha column of the
            track fits (spread) and of the ensemble fit (bias) with 0.6, and repeat with 200 frames.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputTable("Trajectories", "One row per track and frame: frame, particle, x, y (px), x_nm, y_nm, "
                + "t_s.")) //
        .model(m -> m.parametersClass(TrajectorySimulatorParameters.class) //
            .configure(TrajectorySimulatorNodeFactory::configure) //
            .execute(TrajectorySimulatorNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "simulation", "trajectory", "random walk", "Brownian motion", "fractional Brownian motion",
            "CTRW", "Levy walk", "anomalous diffusion", "AnDi");

    public TrajectorySimulatorNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        TrajectorySimulatorParameters params = in.getParameters();
        params.validate();
        checkSize(params);
        out.setOutSpec(0, spec(calibration(params.toSettings())));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        TrajectorySimulatorParameters params = in.getParameters();
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            SimulationSettings settings = params.toSettings();
            Calibration calibration = calibration(settings);
            progress.report(0, "Simulating " + params.tracks + " " + settings.motion().key() + " tracks");
            List<Track> tracks = TrajectoryExport.simulate(settings, params.tracks, params.length,
                progress.sub(0, 0.3));
            BufferedDataContainer container = exec.createDataContainer(spec(calibration));
            try {
                long row = 0;
                for (int t = 0; t < tracks.size(); t++) {
                    if (t % CANCEL_CHECK_TRACKS == 0) {
                        progress.checkCanceled();
                        progress.report(0.3 + 0.7 * t / tracks.size(), "Writing track " + (t + 1));
                    }
                    Track track = tracks.get(t);
                    for (Detection d : track.points()) {
                        container.addRowToTable(row(row++, track.particle(), d, calibration));
                    }
                }
            } finally {
                container.close();
            }
            out.setOutData(0, container.getTable());
        });
    }

    private static void checkSize(final TrajectorySimulatorParameters params) throws InvalidSettingsException {
        if ((long)params.tracks * params.length > MAX_POINTS) {
            throw new InvalidSettingsException("Number of tracks x track length must be at most " + MAX_POINTS
                + ", got " + params.tracks + " x " + params.length + "; run several seeds instead.");
        }
    }

    private static Calibration calibration(final SimulationSettings settings) {
        return Calibration.of(settings.nmPerPixel(), settings.secondsPerFrame());
    }

    /** The columns of {@link TrajectoryExport#COLUMNS}, with the calibration on x, y and frame. */
    static DataTableSpec spec(final Calibration calibration) {
        DataColumnSpec[] cols = {TableCalibration.annotate(Cells.intColumn(Columns.FRAME), calibration),
            Cells.intColumn(Columns.PARTICLE), TableCalibration.annotate(Cells.realColumn(Columns.X), calibration),
            TableCalibration.annotate(Cells.realColumn(Columns.Y), calibration), Cells.realColumn(Columns.X_NM),
            Cells.realColumn(Columns.Y_NM), Cells.realColumn(Columns.T_S)};
        DataTableSpec spec = new DataTableSpec("trajectories", cols);
        if (!List.of(spec.getColumnNames()).equals(TrajectoryExport.COLUMNS)) {
            // The simulator's CSV layout changed: keep KNIME and CLI outputs the same.
            throw new IllegalStateException("trajectory columns " + List.of(spec.getColumnNames())
                + " differ from the simulator's " + TrajectoryExport.COLUMNS);
        }
        return spec;
    }

    private static DefaultRow row(final long index, final int particle, final Detection d,
        final Calibration calibration) {
        return new DefaultRow(RowKey.createRowKey(index), Cells.integer(d.frame()), Cells.integer(particle),
            Cells.real(d.x()), Cells.real(d.y()), Cells.real(calibration.toNm(d.x())),
            Cells.real(calibration.toNm(d.y())), Cells.real(calibration.toSeconds(d.frame())));
    }
}
