package org.lptem.track;

/** Cost of a candidate link: squared distance, times the square of the feature factor when penalties are set. */
final class LinkCost {
    private final FeaturePenalties penalties;

    LinkCost(FeaturePenalties penalties) {
        this.penalties = penalties;
    }

    double of(DetectionTable table, int from, int to, double distanceSquared) {
        if (penalties.isNone()) {
            return distanceSquared;
        }
        double f = penalties.factor(table.detections[from], table.detections[to]);
        return distanceSquared * f * f;
    }
}
