package org.lptem.knime.link;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.track.LapLinker;
import org.lptem.track.LapSettings;
import org.lptem.track.Linker;
import org.lptem.track.MotionPrediction;
import org.lptem.track.NearestNeighbourLinker;

/** Settings of the Particle Linker. */
public final class ParticleLinkerParameters implements NodeParameters {

    enum Method {
        @Label(value = "LAP", description = "Optimal one-to-one assignment between frames, then gap closing over "
            + "missed frames (Jaqaman et al. 2008). The most accurate for crowded or fast particles.")
        LAP,
        @Label(value = "LAP + Kalman", description = "LAP with constant-velocity prediction, for directed motion.")
        KALMAN,
        @Label(value = "Nearest neighbour", description = "Greedy closest-first linking with memory; simple and fast.")
        NEAREST_NEIGHBOUR
    }

    @Widget(title = "Method", description = "How detections of successive frames are joined.")
    @ValueSwitchWidget
    Method method = Method.LAP;

    @Widget(title = "Maximum distance (px)", description = "Largest displacement between two linked detections, "
        + "in pixels, per frame step. Choose about the largest jump a particle makes between frames, but smaller "
        + "than the typical distance between particles.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double maxDistancePx = 10;

    @Widget(title = "Memory (frames)", description = "How many frames a particle may go undetected and still "
        + "continue its track (the maximum gap closed by LAP). 0 ends a track at the first missed frame.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int memoryFrames = 3;

    @Widget(title = "Minimum track length", description = "Tracks with fewer detections are dropped, together with "
        + "their rows. 1 keeps every detection.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int minTrackLength = 5;

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(maxDistancePx > 0 && Double.isFinite(maxDistancePx))) {
            throw new InvalidSettingsException("Maximum distance must be a positive number, got " + maxDistancePx);
        }
        if (memoryFrames < 0) {
            throw new InvalidSettingsException("Memory must be >= 0 frames, got " + memoryFrames);
        }
        if (minTrackLength < 1) {
            throw new InvalidSettingsException("Minimum track length must be >= 1, got " + minTrackLength);
        }
    }

    /** The science linker these settings describe. */
    Linker linker() {
        return switch (method) {
            case NEAREST_NEIGHBOUR -> new NearestNeighbourLinker(maxDistancePx, memoryFrames);
            case LAP, KALMAN -> new LapLinker(LapSettings.builder(maxDistancePx).maxGap(memoryFrames)
                .motion(method == Method.KALMAN ? MotionPrediction.KALMAN : MotionPrediction.LAST_POSITION).build());
        };
    }
}
