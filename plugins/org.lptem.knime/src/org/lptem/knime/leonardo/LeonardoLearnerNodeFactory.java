package org.lptem.knime.leonardo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.CurvePlots;
import org.lptem.knime.common.Figures;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.LeonardoModelPortObject;
import org.lptem.knime.port.LeonardoModelPortObjectSpec;
import org.lptem.leonardo.EpochLoss;
import org.lptem.leonardo.Evaluation;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.LeonardoTrainer;
import org.lptem.leonardo.LossTerm;
import org.lptem.leonardo.TrainingSettings;
import org.lptem.leonardo.TrajectoryWindows;
import org.lptem.ml.torch.Torch;

import ai.djl.ndarray.NDManager;

/** LEONARDO Learner: a trajectory VAE trained on a tracks table; the work of {@code lptem leonardo train}. */
public final class LeonardoLearnerNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("LEONARDO Learner") //
        .icon("../../../../icons/leonardo-learner.png") //
        .shortDescription("Trains LEONARDO, a transformer VAE with a physics-informed loss, on the trajectories of "
            + "a tracks table.") //
        .fullDescription("""
            <p>Trains LEONARDO (Shabeeb et al., Nat. Commun. 16:6298, 2025) as <tt>lptem leonardo train</tt>
            does. Every track is cut into windows of <i>Length</i> consecutive frames (every <i>Window stride</i>
            frames, inside gap-free stretches only), each window is normalised to [0, 1] by its larger extent, and a
            transformer variational autoencoder learns to reconstruct them under the published physics-informed
            loss: displacement MSE, KL divergence, and matched kurtosis, skewness, variance, mean, median, velocity
            autocorrelation, batch VACF, x-y correlation and position autocorrelation. The window extents and the
            table's calibration are kept, so the <b>LEONARDO Generator</b> gives trajectories back in px, nm and
            s.</p>
            <p><b>Input.</b> A tracks table with <tt>frame</tt>, <tt>particle</tt> and the positions: <tt>x</tt>,
            <tt>y</tt> in px, or <tt>x_nm</tt>, <tt>y_nm</tt> (<i>Positions</i>), as the Particle Linker and the
            simulators write them. The pixel size and frame interval come from the table's column properties;
            <i>nm per pixel</i> and <i>Seconds per frame</i> fill in what the table lacks (0 = not given).</p>
            <p><b>Options.</b> <i>Preset</i> small (about 1.1 M parameters, CPU minutes) or paper (8.9 M, a GPU
            job); <i>Length</i> and <i>Latent size</i> override the preset's (0 = keep). <i>Latents</i> per
            trajectory is the published model; per frame adds two latent values per frame, with the loss weights
            (reconstruction 30,000, frame variation 0.3) and the best of <i>Frame prior fits</i> fits of the frame
            prior measured for it (<tt>lptem leonardo train --per-frame</tt>): its samples are independent
            trajectories where the published model's tend to be near-copies of one path. Measured on 5,000 fBm and
            CTRW trajectories with 16 epochs, batch size 32, learning rate 5e-4 and the cosine schedule (the
            bundle README of org.lptem.leonardo). <i>Epochs</i>, <i>Batch size</i>, <i>Learning rate</i>,
            <i>Learning-rate schedule</i> (constant, or cosine down to 5 %), <i>Weight decay</i> (AdamW),
            <i>Validation fraction</i>,
            <i>Patience</i> (early stopping; the best epoch's weights are kept), <i>Seed</i> (same seed, same
            model), <i>PyTorch threads</i> and <i>Device</i>. Progress shows the epoch; cancel stops after the
            current batch.</p>
            <p><b>Outputs.</b> The LEONARDO model port (the project's model file; its view shows the network, the
            loss history and the scale distribution), the loss table with one row per epoch: <tt>epoch</tt>,
            <tt>train_total</tt>, <tt>validation_total</tt> (weighted totals), then <tt>train_TERM</tt> and
            <tt>validation_TERM</tt> for every loss term (unweighted; statistics of normalised trajectories, so
            dimensionless), and a plot of the totals per epoch (log scale).</p>
            <p><b>Warning.</b> After training, 1,000 samples are drawn and compared with the training windows on
            when they move. The node warns when the samples move together (much of their motion common to all of
            them) or at other frames than the data: their per-trajectory statistics can then match the data while
            they are close to copies of one path in many sizes, which the published network trained on a few
            thousand trajectories does (the LEONARDO Evaluator shows the figures).</p>
            <h4>Example</h4>
            <p>Trajectory Simulator (FBM, 200 tracks of 200 frames) into this node with preset small, 20 epochs;
            then the LEONARDO Generator and MSD Analysis on both the simulated and the generated tracks.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Tracks", "frame, particle and x, y (px) or x_nm, y_nm.") //
            .addOutputPort("LEONARDO model", "The trained model.", LeonardoModelPortObject.TYPE) //
            .addOutputTable("Loss per epoch", "epoch, train_total, validation_total, then train_TERM and "
                + "validation_TERM per loss term.") //
            .addOutputPort("Loss curve", "PNG: training and validation totals per epoch.", ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(LeonardoLearnerParameters.class) //
            .configure(LeonardoLearnerNodeFactory::configure) //
            .execute(LeonardoLearnerNodeFactory::execute)) //
        .nodeType(NodeType.Learner) //
        .keywords("LPTEM", "LEONARDO", "VAE", "transformer", "trajectory", "generative model", "deep learning",
            "PyTorch", "physics-informed");

    public LeonardoLearnerNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        LeonardoLearnerParameters params = in.getParameters();
        params.validate();
        Calibration c = TrackInput.calibration(in.getInTableSpec(0), params.inNm(), params.nmPerPixel,
            params.secondsPerFrame);
        out.setOutSpecs(spec(params, c), lossSpec(), Figures.spec());
    }

    private static LeonardoModelPortObjectSpec spec(final LeonardoLearnerParameters params, final Calibration c) {
        return new LeonardoModelPortObjectSpec("LEONARDO trained in KNIME (preset " + params.preset.name()
            .toLowerCase(java.util.Locale.ROOT) + (params.config().frameLatent() > 0 ? ", per-frame latents" : "")
            + ", seed " + params.seed + ")", params.config().length(), c);
    }

    static DataTableSpec lossSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(Cells.intColumn("epoch"));
        cols.add(Cells.realColumn("train_total"));
        cols.add(Cells.realColumn("validation_total"));
        for (LossTerm t : LossTerm.values()) {
            cols.add(Cells.realColumn("train_" + t.key()));
        }
        for (LossTerm t : LossTerm.values()) {
            cols.add(Cells.realColumn("validation_" + t.key()));
        }
        return new DataTableSpec("LEONARDO loss", cols.toArray(DataColumnSpec[]::new));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        LeonardoLearnerParameters params = in.getParameters();
        BufferedDataTable table = in.getInTable(0);
        ExecutionContext exec = in.getExecutionContext();
        Calibration calibration;
        try {
            calibration = TrackInput.calibration(table.getDataTableSpec(), params.inNm(), params.nmPerPixel,
                params.secondsPerFrame);
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            TorchThreads.apply(params.threads);
            TrajectoryWindows windows = TrackInput.windows(table, calibration, params.inNm(),
                params.config().length(), params.windowStride(), progress.sub(0, 0.02));
            TrainingSettings settings = params.settings();
            Map<String, String> info = new LinkedHashMap<>();
            info.put("source", "KNIME LEONARDO Learner");
            info.put("stride", Integer.toString(params.windowStride()));
            info.put("preset", params.preset.name().toLowerCase(java.util.Locale.ROOT));
            try (NDManager manager = Torch.newManager(settings.device());
                    LeonardoModel model = new LeonardoTrainer(windows, settings, progress.sub(0.02, 0.95), e -> {
                    }).train(params.config(), manager, info)) {
                Evaluation.timing(model, windows, Math.min(Evaluation.TIMING_CHECK_SAMPLES, windows.size()),
                    settings.seed(), progress.sub(0.95, 0.98)).warning().ifPresent(out::setWarningMessage);
                progress.report(0.98, "Storing the model");
                out.setOutData(LeonardoModelPortObject.of(spec(params, calibration), model),
                    lossTable(model.history(), exec), plot(model.history()));
            }
        });
    }

    private static BufferedDataTable lossTable(final List<EpochLoss> history, final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(lossSpec());
        try {
            for (EpochLoss e : history) {
                List<DataCell> cells = new ArrayList<>();
                cells.add(Cells.integer(e.epoch()));
                cells.add(Cells.real(e.trainTotal()));
                cells.add(Cells.real(e.validationTotal()));
                for (LossTerm t : LossTerm.values()) {
                    cells.add(Cells.real(e.train().getOrDefault(t, Double.NaN)));
                }
                for (LossTerm t : LossTerm.values()) {
                    cells.add(Cells.real(e.validation().getOrDefault(t, Double.NaN)));
                }
                c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)e.epoch() - 1), cells));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    private static ImagePortObject plot(final List<EpochLoss> history) {
        double[] epochs = history.stream().mapToDouble(EpochLoss::epoch).toArray();
        List<CurvePlots.Series> series = new ArrayList<>();
        series.add(new CurvePlots.Series("training total", history.stream().mapToDouble(EpochLoss::trainTotal)
            .toArray(), false));
        if (history.stream().anyMatch(e -> !Double.isNaN(e.validationTotal()))) {
            series.add(new CurvePlots.Series("validation total", history.stream()
                .mapToDouble(EpochLoss::validationTotal).toArray(), true));
        }
        return CurvePlots.plot("LEONARDO training", "weighted loss", true, epochs, series);
    }
}
