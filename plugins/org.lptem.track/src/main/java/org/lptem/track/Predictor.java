package org.lptem.track;

/**
 * The motion model during linking: told which detections start and continue segments, it predicts where a
 * segment's particle will be some frames after one of its detections.
 */
abstract class Predictor {
    /** Detection {@code d} starts a segment. */
    abstract void start(int d);

    /** Detection {@code to} continues the segment whose last detection is {@code from}. */
    abstract void extend(int from, int to);

    /** Writes into {@code out[0..1]} where the particle of detection {@code d} is expected {@code frames} later. */
    abstract void predict(int d, int frames, double[] out);

    static Predictor create(LapSettings s, DetectionTable table) {
        return switch (s.motion()) {
            case LAST_POSITION -> new LastPosition(table);
            case KALMAN -> new ConstantVelocityKalman(table, s.kalmanMeasurementSigmaPx(),
                    s.kalmanAccelerationSigmaPx(), s.maxDistancePx());
        };
    }

    /** The particle stays where it was seen. */
    static final class LastPosition extends Predictor {
        private final DetectionTable table;

        LastPosition(DetectionTable table) {
            this.table = table;
        }

        @Override
        void start(int d) {
        }

        @Override
        void extend(int from, int to) {
        }

        @Override
        void predict(int d, int frames, double[] out) {
            out[0] = table.x[d];
            out[1] = table.y[d];
        }
    }
}
