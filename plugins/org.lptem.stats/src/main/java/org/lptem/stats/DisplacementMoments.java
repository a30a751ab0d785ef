package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Moments of the displacements at one lag, px. The non-Gaussian parameter uses raw moments of the 2D displacement,
 * {@code alpha2 = <r^4> / (2 <r^2>^2) - 1} (0 for any Gaussian, positive for heavy tails such as a CTRW's);
 * skewness and excess kurtosis are of the 1D projections (x and y pooled) about their means.
 *
 * @param lag frames
 * @param n number of 2D displacements
 * @param meanX mean x displacement (drift), px
 * @param meanY mean y displacement, px
 * @param msd {@code <r^2>}, px^2
 * @param alpha2 non-Gaussian parameter (2D)
 * @param skewness of the 1D displacements
 * @param excessKurtosis of the 1D displacements (0 for a Gaussian)
 */
public record DisplacementMoments(int lag, int n, double meanX, double meanY, double msd, double alpha2,
        double skewness, double excessKurtosis) {

    public static DisplacementMoments of(DisplacementSample s) {
        int n = s.size();
        if (n == 0) {
            return new DisplacementMoments(s.lag(), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double mx = 0;
        double my = 0;
        double r2 = 0;
        double r4 = 0;
        for (int i = 0; i < n; i++) {
            double q = s.dx()[i] * s.dx()[i] + s.dy()[i] * s.dy()[i];
            mx += s.dx()[i];
            my += s.dy()[i];
            r2 += q;
            r4 += q * q;
        }
        mx /= n;
        my /= n;
        r2 /= n;
        r4 /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            for (double d : new double[] {s.dx()[i] - mx, s.dy()[i] - my}) {
                double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
        }
        m2 /= 2 * n;
        m3 /= 2 * n;
        m4 /= 2 * n;
        double alpha2 = r2 > 0 ? r4 / (2 * r2 * r2) - 1 : Double.NaN;
        double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : Double.NaN;
        double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : Double.NaN;
        return new DisplacementMoments(s.lag(), n, mx, my, r2, alpha2, skew, kurt);
    }

    /** Moments at every lag 1..maxLag that has displacements. */
    public static List<DisplacementMoments> perLag(List<TrackSeries> tracks, int maxLag) {
        List<DisplacementMoments> out = new ArrayList<>();
        for (int lag = 1; lag <= maxLag; lag++) {
            DisplacementMoments m = of(DisplacementSample.of(tracks, lag));
            if (m.n() > 0) {
                out.add(m);
            }
        }
        return out;
    }
}
