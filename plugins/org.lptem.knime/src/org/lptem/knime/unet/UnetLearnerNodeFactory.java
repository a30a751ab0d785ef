package org.lptem.knime.unet;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
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
import org.lptem.io.JsonText;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.CurvePlots;
import org.lptem.knime.common.Figures;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.UnetModelPortObject;
import org.lptem.knime.port.UnetModelPortObjectSpec;
import org.lptem.segment.unet.Augmentation;
import org.lptem.segment.unet.EpochResult;
import org.lptem.segment.unet.FrameCrops;
import org.lptem.segment.unet.SampleSource;
import org.lptem.segment.unet.TrainingRecord;
import org.lptem.segment.unet.TrainingResult;
import org.lptem.segment.unet.UnetOnnx;
import org.lptem.segment.unet.UnetTrainer;
import org.lptem.simulate.TrainingFrames;

/** U-Net Learner: trains the project's U-Net segmenter on simulated frames; the work of {@code lptem unet train}. */
public final class UnetLearnerNodeFactory extends DefaultNodeFactory {

    /** DJL reads it when it starts PyTorch. */
    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("U-Net Learner") //
        .icon("../../../../icons/unet-learner.png") //
        .shortDescription("Trains a U-Net that finds particles in LPTEM frames, on simulated frames with known "
            + "masks; outputs the model, its training curve and a plot of it.") //
        .fullDescription("""
            <p>Trains the project's U-Net segmenter as <tt>lptem unet train</tt> does, with the same options and
            defaults, so the same settings and seed give the same network. Training data come from the LPTEM
            simulator: frame <i>k</i> is rendered from preset <i>k</i> mod <i>n</i> of the <i>Simulator
            presets</i>, with its SNR, particle size, liquid thickness and crowding drawn around the preset's, and
            four crops of <i>Crop size</i> are cut from it: half centred near a particle, the <i>Distractor-centred
            fraction</i> near an out-of-focus distractor (so that such blobs are learnt as liquid), the rest anywhere.
            The crops are
            standardised as at inference, augmented afresh every epoch (flips, 90-degree turns, contrast, blur and
            noise) and fed to Adam on binary cross-entropy plus Dice loss. The <i>Validation fraction</i> of the
            crops is held out; the weights of the epoch with the lowest validation loss are kept.</p>
            <p>Training runs on PyTorch (DJL) on the CPU, or on a CUDA GPU with a CUDA build of PyTorch. With the
            defaults (1600 crops of 128 px, 10 epochs, depth 4, 8 channels) it takes tens of minutes on a few CPU
            cores; for a first look use 200 samples and 3 epochs. Progress shows the epoch and its loss; cancel
            stops after the current batch.</p>
            <p><b>Options.</b> <i>Simulator presets</i> (comma-separated: demo, rod-1024, thickness-5nm,
            thickness-50nm, thickness-150nm, multi), <i>Samples</i>, <i>Crop size</i> (px, a multiple of
            2^(depth-1)), <i>Validation fraction</i>, <i>Seed</i>; <i>Depth</i> (levels, 1 to 6) and <i>Base
            channels</i> (doubled per level); <i>Epochs</i>, <i>Batch size</i>, <i>Learning rate</i>, <i>PyTorch
            threads</i> (read once per KNIME session, when PyTorch starts) and <i>Device</i>.</p>
            <p><b>Outputs.</b> The U-Net model port holds the network as ONNX (batch norm folded into the
            convolutions; any frame size works) with its training record (the settings, data parameters and curve,
            the JSON <tt>lptem unet train</tt> writes beside its model); its view shows architecture and curve.
            Connect it to the <b>U-Net Segmenter</b>, or save it with the <b>U-Net Model Writer</b>. The table has
            one row per epoch: <tt>epoch</tt>, <tt>training_loss</tt>, <tt>validation_loss</tt> (binary
            cross-entropy + 1 - soft Dice, dimensionless), <tt>validation_dice</tt> (at probability 0.5),
            <tt>seconds</tt> (wall time of the epoch, s). The plot draws the three curves per epoch.</p>
            <h4>Example</h4>
            <p>For rods at SNR near 1: presets <tt>rod-1024</tt>, 800 samples, 8 epochs; then the U-Net Segmenter
            and the Segmentation Scorer on a rod-1024 simulation show how well it learnt.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputPort("U-Net model", "The trained network (ONNX) with its training record.",
                UnetModelPortObject.TYPE) //
            .addOutputTable("Training curve", "One row per epoch: epoch, training_loss, validation_loss, "
                + "validation_dice, seconds.") //
            .addOutputPort("Training curve plot", "PNG: training and validation loss and validation Dice per "
                + "epoch.", ImagePortObject.TYPE)) //
        .model(m -> m.parametersClass(UnetLearnerParameters.class) //
            .configure(UnetLearnerNodeFactory::configure) //
            .execute(UnetLearnerNodeFactory::execute)) //
        .nodeType(NodeType.Learner) //
        .keywords("LPTEM", "U-Net", "segmentation", "deep learning", "training", "PyTorch", "ONNX", "simulation",
            "nanoparticle");

    public UnetLearnerNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        UnetLearnerParameters params = in.getParameters();
        params.validate();
        out.setOutSpecs(spec(params), curveSpec(), Figures.spec());
    }

    private static UnetModelPortObjectSpec spec(final UnetLearnerParameters params) {
        return new UnetModelPortObjectSpec("U-Net trained in KNIME (depth " + params.depth + ", " + params.channels
            + " base channels, seed " + params.seed + ")");
    }

    static DataTableSpec curveSpec() {
        return new DataTableSpec("U-Net training curve", Cells.intColumn("epoch"), Cells.realColumn("training_loss"),
            Cells.realColumn("validation_loss"), Cells.realColumn("validation_dice"), Cells.realColumn("seconds"));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        UnetLearnerParameters params = in.getParameters();
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            System.setProperty(TORCH_THREADS, Integer.toString(params.threads));
            Augmentation augmentation = Augmentation.defaults();
            TrainingFrames frames = params.frames();
            // the same samples as lptem unet train with the same settings
            SampleSource samples = new FrameCrops<>(frames::render, TrainingFrames.Rendered::image,
                    TrainingFrames.Rendered::labels, TrainingFrames::frameOf, frames::cropOrigin, frames.cropPx(),
                    frames::description);
            long start = System.nanoTime();
            TrainingResult result = new UnetTrainer(params.config(), params.settings(), augmentation,
                params.executionDevice()).train(samples, new KnimeProgress(exec), (epoch, best) -> {
                });
            TrainingRecord record = new TrainingRecord(params.describe(), params.config(), params.settings(),
                augmentation, samples.description(), params.executionDevice(), params.threads);
            String json = JsonText.of(record.toMap(result.curve(), result.best(), true,
                (System.nanoTime() - start) / 1e9));
            byte[] onnx = UnetOnnx.export(result.best(), "LPTEM U-Net segmenter: " + params.describe());
            out.setOutData(UnetModelPortObject.of(spec(params), onnx, json), curveTable(result.curve(), exec),
                plot(result.curve()));
        });
    }

    private static org.knime.core.node.BufferedDataTable curveTable(final List<EpochResult> curve,
        final ExecutionContext exec) {
        BufferedDataContainer c = exec.createDataContainer(curveSpec());
        try {
            for (EpochResult e : curve) {
                c.addRowToTable(new DefaultRow(RowKey.createRowKey((long)e.epoch() - 1), Cells.integer(e.epoch()),
                    Cells.real(e.trainingLoss()), Cells.real(e.validationLoss()), Cells.real(e.validationDice()),
                    Cells.real(e.seconds())));
            }
        } finally {
            c.close();
        }
        return c.getTable();
    }

    private static ImagePortObject plot(final List<EpochResult> curve) {
        double[] epochs = curve.stream().mapToDouble(EpochResult::epoch).toArray();
        return CurvePlots.plot("U-Net training", "loss / Dice", false, epochs, List.of(
            new CurvePlots.Series("training loss", curve.stream().mapToDouble(EpochResult::trainingLoss).toArray(),
                false),
            new CurvePlots.Series("validation loss",
                curve.stream().mapToDouble(EpochResult::validationLoss).toArray(), true),
            new CurvePlots.Series("validation Dice",
                curve.stream().mapToDouble(EpochResult::validationDice).toArray(), false)));
    }
}
