package org.lptem.track;

/**
 * A constant-velocity Kalman filter per segment, state (position, velocity) in x and y. Both axes have the same
 * noise and see the same measurement times, so they share one 2 x 2 covariance; the filter state is kept per
 * detection (the state after that detection), which gap closing later extrapolates from segment ends.
 *
 * <p>Process noise is the discrete white-noise acceleration model, {@code Q = s^2 [[dt^4/4, dt^3/2], [dt^3/2,
 * dt^2]]}. A segment starts at rest with a velocity uncertainty of the maximum linking distance per frame, so its
 * second detection sets the velocity almost entirely.
 */
final class ConstantVelocityKalman extends Predictor {
    private final DetectionTable table;
    private final double r;
    private final double q;
    private final double initialVelocityVariance;
    private final double[] px;
    private final double[] py;
    private final double[] vx;
    private final double[] vy;
    private final double[] p00;
    private final double[] p01;
    private final double[] p11;

    ConstantVelocityKalman(DetectionTable table, double measurementSigma, double accelerationSigma,
            double maxSpeed) {
        this.table = table;
        this.r = measurementSigma * measurementSigma;
        this.q = accelerationSigma * accelerationSigma;
        this.initialVelocityVariance = maxSpeed * maxSpeed;
        int n = table.size();
        px = new double[n];
        py = new double[n];
        vx = new double[n];
        vy = new double[n];
        p00 = new double[n];
        p01 = new double[n];
        p11 = new double[n];
    }

    @Override
    void start(int d) {
        px[d] = table.x[d];
        py[d] = table.y[d];
        vx[d] = 0;
        vy[d] = 0;
        p00[d] = r;
        p01[d] = 0;
        p11[d] = initialVelocityVariance;
    }

    @Override
    void extend(int from, int to) {
        double dt = table.frame[to] - table.frame[from];
        // predict
        double a00 = p00[from] + 2 * dt * p01[from] + dt * dt * p11[from] + q * dt * dt * dt * dt / 4;
        double a01 = p01[from] + dt * p11[from] + q * dt * dt * dt / 2;
        double a11 = p11[from] + q * dt * dt;
        double xPred = px[from] + dt * vx[from];
        double yPred = py[from] + dt * vy[from];
        // update with the measured position
        double s = a00 + r;
        double k0 = a00 / s;
        double k1 = a01 / s;
        double ex = table.x[to] - xPred;
        double ey = table.y[to] - yPred;
        px[to] = xPred + k0 * ex;
        py[to] = yPred + k0 * ey;
        vx[to] = vx[from] + k1 * ex;
        vy[to] = vy[from] + k1 * ey;
        p00[to] = (1 - k0) * a00;
        p01[to] = (1 - k0) * a01;
        p11[to] = a11 - k1 * a01;
    }

    @Override
    void predict(int d, int frames, double[] out) {
        out[0] = px[d] + frames * vx[d];
        out[1] = py[d] + frames * vy[d];
    }

    /** Velocity estimate after detection {@code d}, px/frame (for tests). */
    double velocityX(int d) {
        return vx[d];
    }

    double velocityY(int d) {
        return vy[d];
    }
}
