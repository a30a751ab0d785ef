package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Confidence intervals for the ensemble by resampling whole tracks with replacement, which keeps each track's
 * internal correlations and the spread between tracks. Each replicate repeats everything the point estimate did:
 * sigma (by the same method), the Qian-weighted mean curve, and its fits. The replicates' sigmas then also feed
 * the per-track bootstrap, so that per-track intervals include the uncertainty of the shared sigma.
 */
final class EnsembleBootstrap {
    /** The sigma of one replicate, given how often each track was drawn. */
    interface SigmaEstimator {
        double sigma2(int[] multiplicity, WeightedMsd replicateMean);
    }

    final double[] sigma2;
    final double[] diffusion;
    final double[] coefficient;
    final double[] alpha;
    final List<AnomalousFit> replicateFits = new ArrayList<>();
    /** [replicate][lag index of the full mean curve]; NaN where a replicate lacks the lag. */
    final double[][] mean;

    EnsembleBootstrap(List<MsdCurve> perTrack, WeightedMsd fullMean, FitProcedure fits, SigmaEstimator sigma,
            int replicates, long seed) {
        sigma2 = new double[replicates];
        diffusion = new double[replicates];
        coefficient = new double[replicates];
        alpha = new double[replicates];
        mean = new double[replicates][];
        SplittableRandom random = new SplittableRandom(seed);
        int n = perTrack.size();
        for (int b = 0; b < replicates; b++) {
            int[] multiplicity = new int[n];
            for (int i = 0; i < n; i++) {
                multiplicity[random.nextInt(n)]++;
            }
            List<MsdCurve> drawn = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < multiplicity[i]; k++) {
                    drawn.add(perTrack.get(i));
                }
            }
            WeightedMsd replicateMean = EnsembleMsd.timeAveragedMean(drawn);
            double s2 = sigma.sigma2(multiplicity, replicateMean);
            sigma2[b] = s2;
            DiffusionFit d = fits.diffusion(replicateMean, s2);
            AnomalousFit a = fits.anomalous(replicateMean, s2);
            diffusion[b] = d.diffusion();
            coefficient[b] = a.coefficient();
            alpha[b] = a.alpha();
            replicateFits.add(a);
            mean[b] = alignedTo(fullMean.curve(), replicateMean.curve());
        }
    }

    private static double[] alignedTo(MsdCurve full, MsdCurve replicate) {
        double[] out = new double[full.size()];
        int j = 0;
        for (int i = 0; i < full.size(); i++) {
            while (j < replicate.size() && replicate.lag(j) < full.lag(i)) {
                j++;
            }
            out[i] = j < replicate.size() && replicate.lag(j) == full.lag(i) ? replicate.msd(j) : Double.NaN;
        }
        return out;
    }

    List<Interval> meanIntervals(double confidence) {
        List<Interval> out = new ArrayList<>();
        int lags = mean.length == 0 ? 0 : mean[0].length;
        for (int i = 0; i < lags; i++) {
            final int lag = i;
            out.add(Interval.percentile(column(r -> r[lag]), confidence));
        }
        return out;
    }

    private double[] column(ToDoubleFunction<double[]> f) {
        double[] out = new double[mean.length];
        for (int b = 0; b < mean.length; b++) {
            out[b] = f.applyAsDouble(mean[b]);
        }
        return out;
    }

    static double[] sqrt(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.sqrt(v[i]);
        }
        return out;
    }
}
