package org.lptem.track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Track;

/** Every tracking measure of the project for one (truth, prediction) pair, with one gate for all of them. */
public record TrackingScores(double gatePx, LinkScore links, ChenouardScore chenouard, ClearMotScore clearMot,
        IdentityScore identity, HotaScore hota) {

    public static TrackingScores of(List<Track> truth, List<Track> predicted, double gatePx) {
        return new TrackingScores(gatePx, LinkScore.of(truth, predicted, gatePx),
                ChenouardScore.of(truth, predicted, gatePx), ClearMotScore.of(truth, predicted, gatePx),
                IdentityScore.of(truth, predicted, gatePx), HotaScore.of(truth, predicted, gatePx));
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
