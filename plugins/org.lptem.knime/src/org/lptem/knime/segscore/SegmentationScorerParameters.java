package org.lptem.knime.segscore;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;

/** Settings of the Segmentation Scorer; 0 for the boundary tolerance is DAVIS's, as in lptem score-segmentation. */
public final class SegmentationScorerParameters implements NodeParameters {

    @Widget(title = "Boundary tolerance (px)", description = "Distance within which a predicted boundary pixel "
        + "counts as matching a true one in the contour accuracy F. 0 uses the DAVIS benchmark's tolerance, 0.8 % "
        + "of the image diagonal (12 px for 1024 x 1024).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double boundaryTolerancePx;

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(boundaryTolerancePx >= 0 && Double.isFinite(boundaryTolerancePx))) {
            throw new InvalidSettingsException("The boundary tolerance must be >= 0 px (0 = DAVIS's), got "
                + boundaryTolerancePx);
        }
    }

    /** The tolerance for {@code SegmentationScorer}: NaN selects DAVIS's. */
    double tolerance() {
        return boundaryTolerancePx > 0 ? boundaryTolerancePx : Double.NaN;
    }
}
