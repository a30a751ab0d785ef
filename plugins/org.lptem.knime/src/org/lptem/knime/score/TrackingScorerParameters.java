package org.lptem.knime.score;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;

/** Settings of the Tracking Scorer; the default gate is that of {@code lptem score-tracking} and ISBI 2012. */
public final class TrackingScorerParameters implements NodeParameters {

    @Widget(title = "Gate (px)", description = "Largest distance, in pixels, at which a predicted point can match a "
        + "true point of the same frame; farther points count as missed and spurious. 5 px is the gate of the ISBI "
        + "2012 particle tracking challenge. Use about the localisation error times three, and less than half the "
        + "typical distance between particles.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double gatePx = 5;

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(gatePx > 0 && Double.isFinite(gatePx))) {
            throw new InvalidSettingsException("The gate must be a positive number of pixels, got " + gatePx);
        }
    }
}
