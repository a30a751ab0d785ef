package org.lptem.knime.score;

import java.util.List;
import java.util.Map;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
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
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.Cells;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.TrackTables;
import org.lptem.track.TrackingScores;

/** Tracking Scorer: how well predicted tracks follow the true ones; the measures of {@code lptem score-tracking}. */
public final class TrackingScorerNodeFactory extends DefaultNodeFactory {

    static final String METRIC = "metric";

    static final String VALUE = "value";

    static final String DESCRIPTION = "description";

    /** What each of {@link TrackingScores#asMap()}'s measures means; a measure added there gets an empty one. */
    private static final Map<String, String> MEANING = Map.ofEntries( //
        Map.entry("link_recall", "Fraction of the true links (two consecutive detected points of one particle, "
            + "across missed frames too) that the prediction also has."), //
        Map.entry("link_precision", "Fraction of the predicted links that are true links."), //
        Map.entry("alpha", "Chenouard et al. 2014 (ISBI 2012): 1 - d(truth, paired prediction) / d(truth, nothing); "
            + "1 for perfect tracks, 0 for none. Ignores spurious tracks."), //
        Map.entry("beta", "As alpha, but also penalised by the points of spurious (unpaired) predicted tracks."), //
        Map.entry("jsc", "Jaccard index of points: matched / (matched + missed + spurious)."), //
        Map.entry("jsc_theta", "Jaccard index of tracks: paired / (paired + unpaired true + unpaired predicted)."), //
        Map.entry("rmse_px", "Root mean squared distance of the matched points of paired tracks, px."), //
        Map.entry("mota", "CLEAR MOT accuracy (Bernardin and Stiefelhagen 2008): 1 - (missed + spurious + identity "
            + "switches) / true points."), //
        Map.entry("motp_px", "CLEAR MOT precision: mean distance of the matched points, px."), //
        Map.entry("id_switches", "Number of times a true particle was matched to a different predicted track than "
            + "the last time it was matched."), //
        Map.entry("idf1", "Identity F1 (Ristani et al. 2016): 2 IDTP / (true points + predicted points), with true "
            + "and predicted tracks paired one-to-one to maximise the frames they agree."), //
        Map.entry("hota", "Higher Order Tracking Accuracy (Luiten et al. 2021): sqrt(DetA x AssA), averaged over "
            + "localisation thresholds 0.05 to 0.95 of the similarity max(0, 1 - d / gate)."), //
        Map.entry("deta", "HOTA detection accuracy: TP / (TP + FN + FP), averaged over the thresholds."), //
        Map.entry("assa", "HOTA association accuracy: mean over matches of the Jaccard index of their two tracks' "
            + "matches, averaged over the thresholds."));

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Tracking Scorer") //
        .icon("../../../../icons/tracking-scorer.png") //
        .shortDescription("Compares predicted particle tracks with ground-truth tracks: link recall and precision, "
            + "the ISBI 2012 measures, CLEAR MOT, IDF1 and HOTA, one row per measure.") //
        .fullDescription("""
            <p>Scores a tracking result against the truth, for example the tracks of <b>Particle Detector</b> and
            <b>Particle Linker</b> on a video from the <b>LPTEM Video Simulator</b> against its ground truth.
            Points are matched frame by frame within the <i>Gate</i>; each measure is one row of the output, in
            a fixed order:</p>
            <ul>
            <li><b>link_recall</b>, <b>link_precision</b>: how many of the true frame-to-frame links the linker
            recovered, and how many of its links are true. True points without a predicted point within the gate
            (missed detections) are skipped, so these judge the linking alone.</li>
            <li><b>alpha</b>, <b>beta</b>, <b>jsc</b>, <b>jsc_theta</b>, <b>rmse_px</b>: the measures of the ISBI
            2012 particle tracking challenge (Chenouard et al., Nature Methods 11, 281, 2014). True and predicted
            tracks are paired one-to-one to minimise their total distance, a distance capped at the gate per
            frame.</li>
            <li><b>mota</b>, <b>motp_px</b>, <b>id_switches</b>: CLEAR MOT (Bernardin and Stiefelhagen 2008).</li>
            <li><b>idf1</b>: identity F1 (Ristani et al. 2016); a track that follows the wrong particle for half
            the video loses half its credit.</li>
            <li><b>hota</b>, <b>deta</b>, <b>assa</b>: Higher Order Tracking Accuracy (Luiten et al. 2021) with the
            point similarity max(0, 1 - d / gate), and its detection and association parts.</li>
            </ul>
            <p>Measures that are 1 for perfect tracking: all but <tt>rmse_px</tt>, <tt>motp_px</tt> (distances,
            0 at best) and <tt>id_switches</tt> (a count). A measure without anything to measure (for example
            link precision without any predicted link) is a missing value. The <tt>description</tt> column says
            what each measure is.</p>
            <p>Both inputs need the numeric columns <tt>frame</tt>, <tt>particle</tt>, <tt>x</tt> and
            <tt>y</tt> in pixels of the same video, at most one row per particle and frame. Particle ids need not
            correspond between the two tables. The measures and their names are those of
            <tt>lptem score-tracking</tt>.</p>
            <h4>Example</h4>
            <p>To choose the linker settings for a set of videos: simulate a video like them with the <b>LPTEM
            Video Simulator</b> (preset <i>multi</i>), detect and link it, and connect the simulator's
            <i>Ground truth</i> to the first input and the linker's <i>Tracks</i> to the second. With
            <i>Gate</i> 5 px, compare <tt>hota</tt> and <tt>idf1</tt> between linker settings, for example in a
            parameter optimisation loop.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputTable("Ground truth", "The true tracks: frame, particle, x, y (px).") //
            .addInputTable("Prediction", "The tracks to score: frame, particle, x, y (px).") //
            .addOutputTable("Scores", "One row per measure: metric (its name), value, description.")) //
        .model(m -> m.parametersClass(TrackingScorerParameters.class) //
            .configure(TrackingScorerNodeFactory::configure) //
            .execute(TrackingScorerNodeFactory::execute)) //
        .keywords("LPTEM", "tracking accuracy", "benchmark", "ground truth", "HOTA", "MOTA", "IDF1", "ISBI",
            "Chenouard", "Jaccard", "evaluation");

    public TrackingScorerNodeFactory() {
        super(NODE);
    }

    static DataTableSpec spec() {
        return new DataTableSpec("tracking_scores", new DataColumnSpec[]{
            new DataColumnSpecCreator(METRIC, StringCell.TYPE).createSpec(), Cells.realColumn(VALUE),
            new DataColumnSpecCreator(DESCRIPTION, StringCell.TYPE).createSpec()});
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        TrackingScorerParameters params = in.getParameters();
        params.validate();
        TrackTables.trackColumns(in.getInTableSpec(0));
        TrackTables.trackColumns(in.getInTableSpec(1));
        out.setOutSpec(0, spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        TrackingScorerParameters params = in.getParameters();
        BufferedDataTable truthTable = in.getInTable(0);
        BufferedDataTable predictedTable = in.getInTable(1);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            List<Track> truth = TrackTables.readTracks(truthTable, progress.sub(0, 0.15));
            List<Track> predicted = TrackTables.readTracks(predictedTable, progress.sub(0.15, 0.3));
            progress.report(0.3, "Scoring " + predicted.size() + " tracks against " + truth.size() + " true tracks");
            TrackingScores scores = TrackingScores.of(truth, predicted, params.gatePx, progress.sub(0.3, 0.95));
            BufferedDataContainer container = exec.createDataContainer(spec());
            try {
                long row = 0;
                for (Map.Entry<String, Double> e : scores.asMap().entrySet()) {
                    container.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), new StringCell(e.getKey()),
                        Cells.real(e.getValue()), new StringCell(MEANING.getOrDefault(e.getKey(), ""))));
                }
            } finally {
                container.close();
            }
            out.setOutData(0, container.getTable());
            if (truth.isEmpty() || predicted.isEmpty()) {
                out.setWarningMessage((truth.isEmpty() ? "The ground truth" : "The prediction")
                    + " has no tracks; most measures are undefined (missing) or 0.");
            }
        });
    }
}
