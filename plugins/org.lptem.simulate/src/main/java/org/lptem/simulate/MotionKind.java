package org.lptem.simulate;

import java.util.Arrays;
import java.util.Locale;
import org.lptem.core.LptemException;

/**
 * The translational motion models (the AnDi challenge family plus confinement and drift). Their scale is
 * {@code diffusionNm2PerS}: D of MSD(t) = 4 D t for the Brownian ones, and for fbm and sbm the generalised coefficient K
 * of MSD(t) = 4 K t^alpha (nm^2/s^alpha) at every frame interval. ctrw, attm and levy are clocked in frames, as in
 * the AnDi challenge: their waiting, segment and flight times are Pareto with a minimum of one frame interval dt, and
 * ctrw and attm move with the Brownian step variance 2 D dt per axis. So for them {@code diffusionNm2PerS} is a
 * per-jump D, not K: a ctrw's long-time MSD is about 4 D dt^(1 - alpha) t^alpha / (Gamma(1 - alpha) Gamma(1 + alpha)),
 * which depends on dt, and levy's scale is {@code speedNmPerS} alone. Compare such simulations at one frame interval.
 * {@code alpha}, {@code speedNmPerS} and {@code confinementNm} apply where named.
 */
public enum MotionKind {
    /** Brownian motion: MSD = 4 D t. */
    BM("bm"),
    /** Fractional Brownian motion, exact (Davies-Harte): MSD = 4 K t^alpha, alpha in (0, 2). */
    FBM("fbm"),
    /**
     * Continuous-time random walk: Pareto waiting times P(tau > t) = (t / dt)^-alpha (alpha in (0, 1], at least one
     * frame, so the first frame never moves), Gaussian jumps of variance 2 D dt per axis.
     */
    CTRW("ctrw"),
    /**
     * Levy walk: flights at {@code speedNmPerS} in random directions lasting Pareto times of tail exponent
     * 3 - alpha (alpha in (1, 2)), so MSD ~ t^alpha.
     */
    LEVY("levy"),
    /** Scaled Brownian motion: independent Gaussian steps with MSD(t) = 4 K t^alpha exactly, alpha in (0, 2). */
    SBM("sbm"),
    /**
     * Annealed transit time model: Brownian motion whose coefficient D u (u uniform in (0, 1)) is redrawn after a
     * time u^(-1/alpha) frames, giving MSD ~ t^alpha, alpha in (0, 1).
     */
    ATTM("attm"),
    /** Brownian motion in a harmonic trap: rms distance from the trap centre {@code confinementNm}. */
    HARMONIC("harmonic"),
    /** Brownian motion in a square box of side {@code confinementNm} with reflecting walls. */
    BOX("box"),
    /** Brownian motion plus a constant velocity {@code speedNmPerS} in a random direction per particle. */
    DIRECTED("directed");

    private final String key;

    MotionKind(String key) {
        this.key = key;
    }

    /** The name used on the command line and in metadata. */
    public String key() {
        return key;
    }

    /** The model with the settings' parameters, in px per frame. */
    MotionModel create(SimulationSettings s) {
        double sigma = s.anomalousStepSigmaPx();
        double confinementPx = s.confinementNm() / s.nmPerPixel();
        return switch (this) {
            case BM -> new BrownianMotion(sigma);
            case FBM -> new FractionalBrownianMotion(s.alpha(), sigma);
            case CTRW -> new ContinuousTimeRandomWalk(s.alpha(), sigma);
            case LEVY -> new LevyWalk(s.alpha(), s.speedPxPerFrame());
            case SBM -> new ScaledBrownianMotion(s.alpha(), sigma);
            case ATTM -> new AnnealedTransitTime(s.alpha(), sigma);
            case HARMONIC -> new HarmonicTrap(sigma, confinementPx);
            case BOX -> new BoxConfinement(sigma, confinementPx);
            case DIRECTED -> new DirectedMotion(sigma, s.speedPxPerFrame());
        };
    }

    public static MotionKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (MotionKind k : values()) {
            if (k.key.equals(t)) {
                return k;
            }
        }
        throw new LptemException("motion must be one of " + Arrays.stream(values()).map(MotionKind::key).toList()
                + ", got '" + text + "'");
    }
}
