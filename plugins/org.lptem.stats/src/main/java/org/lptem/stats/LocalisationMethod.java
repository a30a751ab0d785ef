package org.lptem.stats;

/** How the localisation error sigma (per axis) entering the MSD fits is obtained. */
public enum LocalisationMethod {
    /**
     * One sigma shared by all tracks, the offset that minimises the summed residuals of every track's own
     * (K, alpha) fit (a profile over sigma). Unbiased for any mix of exponents, and with many tracks nearly as good
     * as knowing sigma: on fBm tracks of 200 frames the error of alpha is within 0.002 of the known-sigma fit.
     * Assumes one imaging condition (the same localisation error) for all tracks. The default.
     */
    ENSEMBLE,
    /**
     * The covariance of successive displacements (Vestergaard, Blainey and Flyvbjerg 2014, "CVE"), pooled over tracks:
     * {@code sigma^2 = R <dx^2> + (2R - 1) <dx_i dx_i+1>}, which is {@code -<dx_i dx_i+1>} without blur. Exact for
     * Brownian motion only: fBm's own correlation of successive steps biases it (upwards for alpha < 1).
     */
    COVARIANCE,
    /**
     * Each track fits its own offset with (K, alpha): noisy (alpha error about 0.11 on 200 frames). A track with
     * fewer than {@value OffsetProfile#MIN_LAGS} lags has no offset of its own and takes that of the mean curve.
     */
    PER_TRACK,
    /** A sigma given by the user. */
    FIXED,
    /** sigma = 0: no localisation error. */
    NONE
}
