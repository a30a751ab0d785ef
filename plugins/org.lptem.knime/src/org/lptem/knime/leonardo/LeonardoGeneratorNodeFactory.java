package org.lptem.knime.leonardo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
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
import org.lptem.core.Columns;
import org.lptem.core.Progress;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TableCalibration;
import org.lptem.knime.port.LeonardoModelPortObject;
import org.lptem.knime.port.LeonardoModelPortObjectSpec;
import org.lptem.leonardo.GeneratedTracks;
import org.lptem.leonardo.Generator;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

import ai.djl.ndarray.NDManager;

/** LEONARDO Generator: new trajectories from a trained model; the work of {@code lptem leonardo generate}. */
public final class LeonardoGeneratorNodeFactory extends DefaultNodeFactory {

    private static final int CANCEL_CHECK_TRACKS = 64;

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("LEONARDO Generator") //
        .icon("../../../../icons/leonardo-generator.png") //
        .shortDescription("Generates new trajectories with a trained LEONARDO model, in px, nm and s.") //
        .fullDescription("""
            <p>Draws latent vectors from the model's aggregate prior (the Gaussian fitted to its encoded training
            windows; N(0, I), as published, for a model without one, with a warning), decodes them with the
            model's decoder, and brings each normalised trajectory back to physical size with an extent drawn given
            the latent (from the training windows, independently of the shape, for older models), starting at the
            origin: what <tt>lptem leonardo generate</tt> writes. Trajectory <i>i</i> uses the <i>i</i>-th
            draws of one seeded stream, so the same <i>Seed</i> gives the same trajectories in the same order.
            <i>Fixed latents</i> holds chosen latent dimensions at a value (DIM=VALUE separated by ';', 0-based) to
            see what they control. A model trained with per-frame latents (<tt>lptem leonardo train
            --frame-latent</tt>) draws them from its frame prior given the latent, and the extent given the latent
            and the decoded trajectory's shape (its step kurtosis and step size at unit extent; given the latent
            alone for per-frame models written before that prior existed). <i>Device</i>: CPU or a CUDA build of PyTorch. Cancel stops between batches.</p>
            <p><b>Output.</b> A tracks table, one row per trajectory and frame: <tt>frame</tt> (0 to length - 1),
            <tt>particle</tt> (1 to <i>Trajectories</i>), <tt>x</tt>, <tt>y</tt> (px), and <tt>x_nm</tt>,
            <tt>y_nm</tt>, <tt>t_s</tt> when the training table's calibration gave them. The calibration rides on
            the columns as for the Particle Linker's tracks, so <b>MSD Analysis</b>, <b>Displacement
            Distribution</b> and <b>Velocity Autocorrelation</b> report nm and s directly.</p>
            <h4>Example</h4>
            <p>After the LEONARDO Learner: 500 trajectories, seed 1; compare MSD Analysis of the generated and the
            training tracks.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("LEONARDO model", "From the LEONARDO Learner or the LEONARDO Model Reader.",
                LeonardoModelPortObject.TYPE) //
            .addOutputTable("Generated tracks", "frame, particle, x, y (px), and x_nm, y_nm, t_s when "
                + "calibrated.")) //
        .model(m -> m.parametersClass(LeonardoGeneratorParameters.class) //
            .configure(LeonardoGeneratorNodeFactory::configure) //
            .execute(LeonardoGeneratorNodeFactory::execute)) //
        .keywords("LPTEM", "LEONARDO", "VAE", "generate", "synthetic trajectories", "trajectory");

    public LeonardoGeneratorNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        LeonardoGeneratorParameters params = in.getParameters();
        params.validate();
        LeonardoModelPortObjectSpec model = in.getInPortSpec(0);
        out.setOutSpecs(spec(model.calibration()));
    }

    /** The columns of {@link GeneratedTracks#header}, with the calibration on frame, x and y. */
    static DataTableSpec spec(final Calibration c) {
        List<DataColumnSpec> cols = new ArrayList<>();
        for (String name : GeneratedTracks.header(c)) {
            DataColumnSpec col = Columns.FRAME.equals(name) || Columns.PARTICLE.equals(name) ? Cells.intColumn(name)
                : Cells.realColumn(name);
            cols.add(TableCalibration.annotate(col, c));
        }
        return new DataTableSpec("LEONARDO trajectories", cols.toArray(DataColumnSpec[]::new));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        LeonardoGeneratorParameters params = in.getParameters();
        LeonardoModelPortObject port = in.getInPortObject(0);
        ExecutionContext exec = in.getExecutionContext();
        Map<Integer, Double> fixed;
        try {
            fixed = params.fixed();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            ExecutionDevice device = ExecutionDevice.valueOf(params.device.name());
            try (NDManager manager = Torch.newManager(device); LeonardoModel model = port.open(manager)) {
                Generator generator = new Generator(model);
                List<double[]> trajectories = generator.generate(params.n, params.seed, fixed, progress.sub(0, 0.8));
                // the model's own calibration, which the spec promised
                Calibration c = port.getSpec().calibration();
                out.setOutData(table(trajectories, c, exec, progress.sub(0.8, 1)));
                generator.note().ifPresent(out::setWarningMessage);
            }
        });
    }

    private static org.knime.core.node.BufferedDataTable table(final List<double[]> trajectories,
        final Calibration c, final ExecutionContext exec, final Progress progress) {
        BufferedDataContainer container = exec.createDataContainer(spec(c));
        long row = 0;
        try {
            for (int p = 0; p < trajectories.size(); p++) {
                if (p % CANCEL_CHECK_TRACKS == 0) {
                    progress.checkCanceled();
                    progress.report((double)p / trajectories.size(), "Writing trajectories");
                }
                double[] xy = trajectories.get(p);
                for (int f = 0; f < xy.length / 2; f++) {
                    List<DataCell> cells = new ArrayList<>(7);
                    cells.add(Cells.integer(f));
                    cells.add(Cells.integer(p + 1));
                    cells.add(Cells.real(xy[2 * f]));
                    cells.add(Cells.real(xy[2 * f + 1]));
                    if (c.hasPixelSize()) {
                        cells.add(Cells.real(c.toNm(xy[2 * f])));
                        cells.add(Cells.real(c.toNm(xy[2 * f + 1])));
                    }
                    if (c.hasFrameInterval()) {
                        cells.add(Cells.real(c.toSeconds(f)));
                    }
                    container.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), cells));
                }
            }
        } finally {
            container.close();
        }
        progress.report(1, "Writing trajectories");
        return container.getTable();
    }
}
