package org.lptem.knime.segscore;

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
import org.lptem.core.Video;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.LabelMaskPortObjectSpec;
import org.lptem.segment.metrics.LabelVideoScoring;
import org.lptem.segment.metrics.SegmentationScores;

/** Segmentation Scorer: predicted label masks against true ones; the measures of lptem score-segmentation. */
public final class SegmentationScorerNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Segmentation Scorer") //
        .icon("../../../../icons/segmentation-scorer.png") //
        .shortDescription("Compares predicted label masks with ground-truth masks, per frame and overall: IoU, "
            + "Dice, J&F, detection F1, centroid and orientation errors.") //
        .fullDescription("""
            <p>Scores a segmentation against the truth frame by frame, for example the masks of the
            <b>Particle Segmenter</b> on a video of the <b>LPTEM Video Simulator</b> against the simulator's
            ground-truth masks. Label numbers need not correspond: in each frame, regions are matched by
            overlap. The measures (columns) are:</p>
            <ul>
            <li><b>iou</b>, <b>dice</b>: foreground IoU and Dice of all particle pixels against the liquid, so
            false particles count.</li>
            <li><b>j</b>: DAVIS region similarity, the mean IoU of each true particle with the predicted region
            matched to it (0 when unmatched); <b>f</b>: DAVIS contour accuracy, the boundary F-measure of the same
            pairs within the <i>Boundary tolerance</i>; <b>j_and_f</b> = (j + f) / 2.</li>
            <li><b>tp</b>, <b>fp</b>, <b>fn</b>, <b>precision</b>, <b>recall</b>, <b>f1</b>: detection counts
            and rates, a detection being a match with IoU &gt;= 0.5.</li>
            <li><b>centroid_error_px</b> (and <b>centroid_error_nm</b> with a known pixel size): mean distance
            between the centroids of matched pairs.</li>
            <li><b>orientation_error_deg</b>: mean difference of the major-axis angles of matched pairs, modulo
            180 degrees, over the pairs whose true particle is elongated (axis ratio at least 1.2:
            <b>oriented_pairs</b>); missing when there is none.</li>
            <li><b>truth_objects</b>, <b>pred_objects</b>, <b>boundary_tolerance_px</b>: the counts and the
            tolerance used.</li>
            </ul>
            <p>The first output has one row for all frames: per-object measures are averaged over all objects of
            all frames, per-frame ones (iou, dice) over frames, counts summed. The second has the same columns
            for each frame, with <tt>frame</tt> and, when the frame interval is known, <tt>t_s</tt>. A measure
            without anything to average (no true particle in a frame) is missing. The calibration is the truth's.
            The two mask stacks must have the same number and size of frames.</p>
            <h4>Example</h4>
            <p>Connect the simulator's <i>Ground-truth masks</i> to the first input and the segmenter's <i>Label
            masks</i> to the second; keep the tolerance at 0 (DAVIS). A good segmentation of well-separated
            particles reaches f1 near 1 and centroid errors below a pixel; plot the per-frame <tt>j_and_f</tt>
            against <tt>t_s</tt> to see where it fails.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Ground-truth masks", "The true label masks, e.g. from the LPTEM Video Simulator.",
                LabelMaskPortObject.TYPE) //
            .addInputPort("Predicted masks", "The label masks to score, e.g. from the Particle Segmenter.",
                LabelMaskPortObject.TYPE) //
            .addOutputTable("Scores", "One row: frames, truth_objects, pred_objects, iou, dice, j, f, j_and_f, tp, "
                + "fp, fn, precision, recall, f1, centroid_error_px, centroid_error_nm (pixel size known), "
                + "orientation_error_deg, oriented_pairs, boundary_tolerance_px.") //
            .addOutputTable("Per-frame scores", "The same measures for each frame, after frame and t_s (frame "
                + "interval known).")) //
        .model(m -> m.parametersClass(SegmentationScorerParameters.class) //
            .configure(SegmentationScorerNodeFactory::configure) //
            .execute(SegmentationScorerNodeFactory::execute)) //
        .keywords("LPTEM", "segmentation", "evaluation", "IoU", "Dice", "J&F", "DAVIS", "F1", "ground truth",
            "benchmark");

    public SegmentationScorerNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        SegmentationScorerParameters params = in.getParameters();
        params.validate();
        LabelMaskPortObjectSpec truth = in.getInPortSpec(0);
        LabelMaskPortObjectSpec pred = in.getInPortSpec(1);
        if (truth.width() != pred.width() || truth.height() != pred.height()
            || truth.frameCount() != pred.frameCount()) {
            throw new InvalidSettingsException("The predicted masks have " + pred.frameCount() + " frames of "
                + pred.width() + " x " + pred.height() + " but the truth has " + truth.frameCount() + " of "
                + truth.width() + " x " + truth.height() + ".");
        }
        ScoreTable table = new ScoreTable(truth.calibration());
        out.setOutSpecs(table.overallSpec(), table.perFrameSpec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        SegmentationScorerParameters params = in.getParameters();
        LabelMaskPortObject truthPort = in.getInPortObject(0);
        LabelMaskPortObject predPort = in.getInPortObject(1);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Calibration calibration = truthPort.getSpec().calibration();
            ScoreTable table = new ScoreTable(calibration);
            BufferedDataContainer perFrame = exec.createDataContainer(table.perFrameSpec());
            BufferedDataContainer overall = exec.createDataContainer(table.overallSpec());
            try (Video truth = truthPort.getSpec().open(); Video pred = predPort.getSpec().open()) {
                SegmentationScores all = LabelVideoScoring.score(truth, pred, params.tolerance(),
                    new KnimeProgress(exec), f -> perFrame.addRowToTable(table.perFrameRow(f.frame(), f.scores())));
                overall.addRowToTable(table.overallRow(all));
                if (all.truthObjects() == 0) {
                    out.setWarningMessage("The ground truth has no particle; most measures are missing.");
                }
            } finally {
                perFrame.close();
                overall.close();
            }
            out.setOutData(overall.getTable(), perFrame.getTable());
        });
    }
}
