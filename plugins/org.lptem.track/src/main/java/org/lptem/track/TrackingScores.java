package org.lptem.track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/** Every tracking measure of the project for one (truth, prediction) pair, with one gate for all of them. */
public record TrackingScores(double gatePx, LinkScore links, ChenouardScore chenouard, ClearMotScore clearMot,
        IdentityScore identity, HotaScore hota) {

    public static TrackingScores of(List<Track> truth, List<Track> predicted, double gatePx) {
        return of(truth, predicted, gatePx, Progress.NONE);
    }

    /** As {@link #of(List, List, double)}, reporting and checking for cancellation before each measure. */
    public static TrackingScores of(List<Track> truth, List<Track> predicted, double gatePx, Progress progress) {
        LinkScore links = measure(progress, 0, "link recall and precision", () -> LinkScore.of(truth, predicted,
                gatePx));
        ChenouardScore chenouard = measure(progress, 0.1, "Chenouard alpha and beta",
                () -> ChenouardScore.of(truth, predicted, gatePx));
        ClearMotScore clearMot = measure(progress, 0.35, "CLEAR MOT", () -> ClearMotScore.of(truth, predicted,
                gatePx));
        IdentityScore identity = measure(progress, 0.5, "IDF1", () -> IdentityScore.of(truth, predicted, gatePx));
        HotaScore hota = measure(progress, 0.7, "HOTA", () -> HotaScore.of(truth, predicted, gatePx));
        progress.report(1, "scored");
        return new TrackingScores(gatePx, links, chenouard, clearMot, identity, hota);
    }

    private static <T> T measure(Progress progress, double before, String name, Supplier<T> score) {
        progress.report(before, name);
        progress.checkCanceled();
        return score.get();
    }

    /** The measures by name, in a fixed order (for tables and JSON). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("link_recall", links.recall());
        m.put("link_precision", links.precision());
        m.put("alpha", chenouard.alpha());
        m.put("beta", chenouard.beta());
        m.put("jsc", chenouard.jsc());
        m.put("jsc_theta", chenouard.jscTheta());
        m.put("rmse_px", chenouard.rmse());
        m.put("mota", clearMot.mota());
        m.put("motp_px", clearMot.motp());
        m.put("id_switches", (double) clearMot.identitySwitches());
        m.put("idf1", identity.idf1());
        m.put("hota", hota.hota());
        m.put("deta", hota.detA());
        m.put("assa", hota.assA());
        return m;
    }
}
