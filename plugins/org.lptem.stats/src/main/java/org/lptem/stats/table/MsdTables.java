package org.lptem.stats.table;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.lptem.stats.ErgodicityBreaking;
import org.lptem.stats.Interval;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdParameters;
import org.lptem.stats.MsdResult;
import org.lptem.stats.TrackMsd;

/**
 * The tables of an MSD analysis. For positions the units are px (nm) and frames (s); for orientations deg (rad).
 * <ul>
 * <li>{@code msd_ensemble}: per lag the pooled MSD (lag_frames, lag_s, msd_px2, msd_nm2, n), then the Qian-weighted mean of the time-averaged MSDs with its bootstrap interval and number of
 * tracks ({@code msd_ta_mean_*}, {@code n_tracks}), the ensemble-averaged MSD from each track's start
 * ({@code msd_ea_*}, {@code n_tracks_ea}) and the ergodicity-breaking parameter {@code eb};</li>
 * <li>{@code msd_tracks}: each track's time-averaged MSD;</li>
 * <li>{@code fits}: per track D (Michalet's free-offset line), alpha and K (log-space fit with sigma fixed), sigma,
 * each with its bootstrap interval, the numbers of lags fitted and the sigma method;</li>
 * <li>{@code fit_ensemble}: the same for the mean curve.</li>
 * </ul>
 */
public final class MsdTables {
    private MsdTables() {
    }

    /** One lag of the ensemble table. */
    private record EnsembleRow(int lag, MsdCurve pooled, int pooledIndex, MsdCurve mean, int meanIndex,
            Interval meanCi, MsdCurve origin, int originIndex, double eb) {

        double pooledMsd() {
            return pooledIndex < 0 ? Double.NaN : pooled.msd(pooledIndex);
        }

        long pooledN() {
            return pooledIndex < 0 ? 0 : pooled.count(pooledIndex);
        }

        double meanMsd() {
            return meanIndex < 0 ? Double.NaN : mean.msd(meanIndex);
        }

        long meanN() {
            return meanIndex < 0 ? 0 : mean.count(meanIndex);
        }

        double originMsd() {
            return originIndex < 0 ? Double.NaN : origin.msd(originIndex);
        }

        long originN() {
            return originIndex < 0 ? 0 : origin.count(originIndex);
        }
    }

    public static Table ensemble(MsdResult r, Units units) {
        TreeMap<Integer, int[]> index = new TreeMap<>();
        MsdCurve pooled = r.pooled();
        MsdCurve mean = r.timeAveragedMean().curve();
        MsdCurve origin = r.fromOrigin();
        collect(index, pooled, 0);
        collect(index, mean, 1);
        collect(index, origin, 2);
        ErgodicityBreaking eb = r.ergodicity();
        TreeMap<Integer, Double> ebByLag = new TreeMap<>();
        for (int i = 0; i < eb.size(); i++) {
            ebByLag.put(eb.lagFrames()[i], eb.eb()[i]);
        }
        List<EnsembleRow> rows = new ArrayList<>();
        for (var e : index.entrySet()) {
            int[] k = e.getValue();
            rows.add(new EnsembleRow(e.getKey(), pooled, k[0], mean, k[1],
                    k[1] >= 0 ? r.timeAveragedMeanCi().get(k[1]) : Interval.NONE, origin, k[2],
                    ebByLag.getOrDefault(e.getKey(), Double.NaN)));
        }
        List<Field<EnsembleRow>> f = new ArrayList<>(lagFields(units, EnsembleRow::lag));
        f.add(Field.quantity("msd", "MSD of all displacements pooled over tracks", units, 2, 0,
                EnsembleRow::pooledMsd, null));
        f.add(Field.count("n", "number of displacements pooled", EnsembleRow::pooledN));
        f.add(Field.quantity("msd_ta_mean", "Qian-weighted mean of the time-averaged MSDs, with the bootstrap "
                + "interval from resampling tracks", units, 2, 0, EnsembleRow::meanMsd, EnsembleRow::meanCi));
        f.add(Field.count("n_tracks", "tracks with this lag", EnsembleRow::meanN));
        f.add(Field.quantity("msd_ea", "ensemble-averaged MSD from each track's first frame", units, 2, 0,
                EnsembleRow::originMsd, null));
        f.add(Field.count("n_tracks_ea", "tracks with a point this many frames after their first",
                EnsembleRow::originN));
        f.add(Field.real("eb", "ergodicity-breaking parameter: relative variance of the time-averaged MSD across "
                + "tracks", EnsembleRow::eb));
        return Field.table("msd_ensemble", f, rows);
    }

    private static void collect(TreeMap<Integer, int[]> index, MsdCurve c, int slot) {
        for (int i = 0; i < c.size(); i++) {
            index.computeIfAbsent(c.lag(i), k -> new int[] {-1, -1, -1})[slot] = i;
        }
    }

    /** One lag of one track. */
    private record TrackLag(int particle, MsdCurve curve, int i) {
    }

    public static Table perTrack(MsdResult r, Units units) {
        List<TrackLag> rows = new ArrayList<>();
        for (TrackMsd t : r.tracks()) {
            for (int i = 0; i < t.curve().size(); i++) {
                rows.add(new TrackLag(t.particle(), t.curve(), i));
            }
        }
        List<Field<TrackLag>> f = new ArrayList<>();
        f.add(Field.integer("particle", "track id", TrackLag::particle));
        f.addAll(lagFields(units, l -> l.curve().lag(l.i())));
        f.add(Field.quantity("msd", "time-averaged MSD", units, 2, 0, l -> l.curve().msd(l.i()), null));
        f.add(Field.count("n", "number of displacements averaged", l -> l.curve().count(l.i())));
        return Field.table("msd_tracks", f, rows);
    }

    public static Table fits(MsdResult r, Units units) {
        List<Field<TrackMsd>> f = new ArrayList<>();
        f.add(Field.integer("particle", "track id", TrackMsd::particle));
        f.add(Field.integer("track_points", "points in the track", TrackMsd::points));
        f.add(Field.integer("span_frames", "frames from the first to the last point", TrackMsd::spanFrames));
        f.addAll(parameterFields(units, TrackMsd::fit, r.localisationMethod().name().toLowerCase(
                java.util.Locale.ROOT)));
        return Field.table("fits", f, r.tracks());
    }

    public static Table ensembleFit(MsdResult r, Units units) {
        List<Field<MsdResult>> f = new ArrayList<>();
        f.add(Field.integer("tracks", "tracks in the ensemble", x -> x.tracks().size()));
        f.add(Field.integer("profiled_tracks", "tracks that informed the shared sigma (ensemble method)",
                MsdResult::profiledTracks));
        f.addAll(parameterFields(units, MsdResult::ensemble, r.localisationMethod().name().toLowerCase(
                java.util.Locale.ROOT)));
        return Field.table("fit_ensemble", f, List.of(r));
    }

    private static <T> List<Field<T>> lagFields(Units units, java.util.function.ToIntFunction<T> lag) {
        List<Field<T>> f = new ArrayList<>();
        f.add(Field.integer("lag_frames", "time lag, frames", lag));
        if (units.hasTime()) {
            f.add(Field.real("lag_s", "time lag, s", t -> units.convert(lag.applyAsInt(t), 0, -1)));
        }
        return f;
    }

    private static <T> List<Field<T>> parameterFields(Units units, java.util.function.Function<T, MsdParameters> p,
            String method) {
        List<Field<T>> f = new ArrayList<>();
        f.add(Field.quantity("D", "diffusion coefficient from the free-offset line MSD = 2d D t + offset through "
                + "Michalet's optimal number of lags", units, 2, 1, t -> p.apply(t).diffusion().diffusion(),
                t -> p.apply(t).diffusionCi()));
        f.add(Field.integer("n_points_D", "lags in the D fit", t -> p.apply(t).diffusion().points()));
        f.add(Field.realWithInterval("alpha", "anomalous exponent of MSD = 2d (K t^alpha + sigma^2), fitted in log "
                + "space with sigma fixed", t -> p.apply(t).anomalous().alpha(), t -> p.apply(t).alphaCi()));
        f.add(Field.coefficient("K", "generalised diffusion coefficient of the alpha fit (units^2 / time^alpha)",
                units, t -> p.apply(t).anomalous().coefficient(), t -> p.apply(t).coefficientCi(),
                t -> p.apply(t).anomalous().alpha()));
        f.add(Field.integer("n_points_alpha", "lags in the alpha fit", t -> p.apply(t).anomalous().points()));
        f.add(Field.quantity("sigma", "localisation error per axis used in the alpha fit", units, 1, 0,
                t -> p.apply(t).sigma(), t -> p.apply(t).sigmaCi()));
        f.add(Field.text("sigma_method", "how sigma was estimated: ensemble (profile of all tracks' fits), covariance "
                + "(successive displacements), per_track, fixed or none", t -> method));
        return f;
    }
}
