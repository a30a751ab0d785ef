package org.lptem.stats.table;

import java.util.ArrayList;
import java.util.List;
import org.lptem.stats.DisplacementMoments;
import org.lptem.stats.TrackShape;
import org.lptem.stats.TurningAngles;
import org.lptem.stats.VanHove;
import org.lptem.stats.VelocityAutocorrelation;

/** Tables of displacement statistics, velocity autocorrelation and track shapes. */
public final class DisplacementTables {
    private DisplacementTables() {
    }

    private static <T> void lag(List<Field<T>> f, Units units, java.util.function.ToIntFunction<T> lag) {
        f.add(Field.integer("lag_frames", "time lag, frames", lag));
        if (units.hasTime()) {
            f.add(Field.real("lag_s", "time lag, s", t -> units.convert(lag.applyAsInt(t), 0, -1)));
        }
    }

    /** Per lag: n, drift, MSD, non-Gaussian parameter, skewness and excess kurtosis. */
    public static Table moments(List<DisplacementMoments> moments, Units units) {
        List<Field<DisplacementMoments>> f = new ArrayList<>();
        lag(f, units, DisplacementMoments::lag);
        f.add(Field.integer("n", "2D displacements", DisplacementMoments::n));
        f.add(Field.quantity("mean_dx", "mean x displacement (drift)", units, 1, 0, DisplacementMoments::meanX, null));
        f.add(Field.quantity("mean_dy", "mean y displacement (drift)", units, 1, 0, DisplacementMoments::meanY, null));
        f.add(Field.quantity("msd", "mean squared 2D displacement", units, 2, 0, DisplacementMoments::msd, null));
        f.add(Field.real("alpha2", "non-Gaussian parameter <r^4>/(2<r^2>^2) - 1 (0 for Gaussian)",
                DisplacementMoments::alpha2));
        f.add(Field.real("skewness", "skewness of the 1D displacements, x and y pooled",
                DisplacementMoments::skewness));
        f.add(Field.real("excess_kurtosis", "excess kurtosis of the 1D displacements (0 for Gaussian)",
                DisplacementMoments::excessKurtosis));
        return Field.table("displacement_moments", f, moments);
    }

    private record Bin(VanHove v, int i) {
    }

    /** Long format: one row per lag and bin, densities per raw and calibrated length unit. */
    public static Table vanHove(List<VanHove> distributions, Units units) {
        List<Bin> rows = new ArrayList<>();
        for (VanHove v : distributions) {
            for (int i = 0; i < v.centres().length; i++) {
                rows.add(new Bin(v, i));
            }
        }
        List<Field<Bin>> f = new ArrayList<>();
        lag(f, units, b -> b.v().lag());
        f.add(Field.integer("n", "1D displacements (x and y pooled)", b -> b.v().n()));
        f.add(Field.quantity("dx", "1D displacement at the bin centre", units, 1, 0, b -> b.v().centres()[b.i()],
                null));
        f.add(Field.quantity("histogram", "histogram density", units, -1, 0, b -> b.v().histogram()[b.i()],
                null));
        f.add(Field.quantity("kde", "Gaussian kernel density estimate", units, -1, 0, b -> b.v().kde()[b.i()],
                null));
        f.add(Field.quantity("gaussian", "normal density with the sample mean and variance", units, -1, 0,
                b -> b.v().gaussian()[b.i()], null));
        f.add(Field.quantity("bandwidth", "kernel bandwidth (Silverman)", units, 1, 0, b -> b.v().bandwidth(), null));
        return Field.table("van_hove", f, rows);
    }

    private record AngleBin(TurningAngles t, int i) {
    }

    public static Table turningAngles(TurningAngles t) {
        List<AngleBin> rows = new ArrayList<>();
        for (int i = 0; i < t.centresDeg().length; i++) {
            rows.add(new AngleBin(t, i));
        }
        List<Field<AngleBin>> f = new ArrayList<>();
        f.add(Field.integer("step_frames", "frames per step", b -> b.t().stepFrames()));
        f.add(Field.real("angle_deg", "bin centre, degrees from +x towards +y", b -> b.t().centresDeg()[b.i()]));
        f.add(Field.real("density_per_deg", "fraction of turns per degree", b -> b.t().density()[b.i()]));
        f.add(Field.count("n", "turns counted (all bins)", b -> b.t().n()));
        f.add(Field.real("mean_cos", "<cos angle> over all turns: > 0 persistent, < 0 anti-persistent",
                b -> b.t().meanCosine()));
        return Field.table("turning_angles", f, rows);
    }

    private record VacfLag(int particle, VelocityAutocorrelation v, int i) {
    }

    /** The VACF; per track when {@code particles} is non-null (one curve per particle, same order). */
    public static Table vacf(List<VelocityAutocorrelation> curves, List<Integer> particles, Units units) {
        List<VacfLag> rows = new ArrayList<>();
        for (int c = 0; c < curves.size(); c++) {
            VelocityAutocorrelation v = curves.get(c);
            for (int i = 0; i < v.size(); i++) {
                rows.add(new VacfLag(particles == null ? 0 : particles.get(c), v, i));
            }
        }
        List<Field<VacfLag>> f = new ArrayList<>();
        if (particles != null) {
            f.add(Field.integer("particle", "track id", VacfLag::particle));
        }
        f.add(Field.integer("delta_frames", "velocity step, frames", l -> l.v().deltaFrames()));
        lag(f, units, l -> l.v().lagFrames()[l.i()]);
        f.add(Field.quantity("vacf", "<v(t) . v(t + lag)>", units, 2, 2, l -> l.v().vacf()[l.i()], null));
        f.add(Field.real("vacf_normalized", "VACF over its value at lag 0", l -> l.v().normalized()[l.i()]));
        f.add(Field.count("n", "velocity pairs averaged", l -> l.v().n()[l.i()]));
        return Field.table(particles == null ? "vacf" : "vacf_tracks", f, rows);
    }

    public static Table trackShapes(List<TrackShape> shapes, Units units) {
        List<Field<TrackShape>> f = new ArrayList<>();
        f.add(Field.integer("particle", "track id", TrackShape::particle));
        f.add(Field.integer("track_points", "points", TrackShape::points));
        f.add(Field.integer("span_frames", "frames from the first to the last point", TrackShape::spanFrames));
        f.add(Field.quantity("path_length", "sum of distances between successive points", units, 1, 0,
                TrackShape::pathLength, null));
        f.add(Field.quantity("net_displacement", "distance from the first to the last point", units, 1, 0,
                TrackShape::netDisplacement, null));
        f.add(Field.real("confinement_ratio", "net displacement / path length", TrackShape::confinementRatio));
        f.add(Field.quantity("radius_of_gyration", "RMS distance of the points from their centroid", units, 1, 0,
                TrackShape::radiusOfGyration, null));
        f.add(Field.real("asymmetry", "(l1 - l2)^2 / (l1 + l2)^2 of the gyration tensor", TrackShape::asymmetry));
        return Field.table("track_shapes", f, shapes);
    }
}
