package org.lptem.stats;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;

/**
 * Least-squares line {@code MSD = 4 D lag + offset} through the first lags of an MSD curve, the 2D free-diffusion
 * model. The offset is {@code 4 sigma^2} for a localisation error sigma per axis (lowered by motion blur); a few
 * short lags give the best D when sigma is small against the step length (Michalet 2010).
 *
 * @param diffusionPx2PerFrame D, px^2/frame
 * @param offsetPx2 intercept at lag 0, px^2
 * @param points number of lags fitted
 */
public record MsdFit(double diffusionPx2PerFrame, double offsetPx2, int points) {

    /** Fits the first {@code points} lags of {@code curve} (at least 2) by ordinary least squares. */
    public static MsdFit fitLinear(MsdCurve curve, int points) {
        if (points < 2) {
            throw new LptemException("a line needs at least 2 lags to fit, got " + points);
        }
        if (curve.size() < points) {
            throw new LptemException("cannot fit " + points + " lags: the MSD curve has only " + curve.size());
        }
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < points; i++) {
            regression.addData(curve.lag(i), curve.msd(i));
        }
        return new MsdFit(regression.getSlope() / 4, regression.getIntercept(), points);
    }

    /** D in nm^2/s. @throws LptemException if the calibration lacks the pixel size or the frame interval */
    public double diffusionNm2PerS(Calibration calibration) {
        double nmPerPixel = calibration.toNm(1);
        return diffusionPx2PerFrame * nmPerPixel * nmPerPixel / calibration.toSeconds(1);
    }

    /** Localisation error per axis implied by the offset, px; NaN when the offset is negative. */
    public double localisationErrorPx() {
        return offsetPx2 >= 0 ? Math.sqrt(offsetPx2 / 4) : Double.NaN;
    }
}
