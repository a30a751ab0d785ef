package org.lptem.leonardo;

import java.util.EnumMap;
import java.util.Map;
import org.lptem.core.LptemException;

/** One weight per {@link LossTerm}; immutable. */
public final class LossWeights {
    private final EnumMap<LossTerm, Double> weights;

    private LossWeights(EnumMap<LossTerm, Double> weights) {
        this.weights = weights;
    }

    /** The published weights. */
    public static LossWeights paper() {
        EnumMap<LossTerm, Double> m = new EnumMap<>(LossTerm.class);
        for (LossTerm t : LossTerm.values()) {
            m.put(t, t.defaultWeight());
        }
        return new LossWeights(m);
    }

    public double get(LossTerm term) {
        return weights.get(term);
    }

    /** A copy with one weight changed; weights must be finite and >= 0. */
    public LossWeights with(LossTerm term, double weight) {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new LptemException("the weight of loss term " + term.key() + " must be finite and >= 0, got "
                    + weight);
        }
        EnumMap<LossTerm, Double> m = new EnumMap<>(weights);
        m.put(term, weight);
        return new LossWeights(m);
    }

    /** Applies {@code term=weight} assignments such as {@code kl=0.1}. */
    public LossWeights with(Iterable<String> assignments) {
        LossWeights w = this;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new LptemException("loss weight '" + a + "': expected TERM=WEIGHT");
            }
            double value;
            try {
                value = Double.parseDouble(a.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new LptemException("loss weight '" + a + "': not a number", e);
            }
            w = w.with(LossTerm.byKey(a.substring(0, eq)), value);
        }
        return w;
    }

    public Map<LossTerm, Double> asMap() {
        return new EnumMap<>(weights);
    }
}
