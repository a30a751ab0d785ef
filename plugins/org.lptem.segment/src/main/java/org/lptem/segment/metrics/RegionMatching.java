package org.lptem.segment.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One-to-one matching of true and predicted regions, greedy by IoU: the pair with the highest IoU is matched first,
 * then the best pair among the regions left, and so on. At a threshold of 0.5 or more this is the optimal matching,
 * because a region can then overlap only one partner by more than half of their union.
 */
public final class RegionMatching {
    /** A matched pair and its IoU. */
    public record Match(int truth, int pred, double iou) {
    }

    private RegionMatching() {
    }

    /** Matches with IoU >= minIou (> 0 pairs only: regions that do not touch never match). */
    public static List<Match> greedy(LabelOverlap overlap, double minIou) {
        List<Match> candidates = new ArrayList<>();
        for (LabelOverlap.Pair p : overlap.pairs()) {
            double iou = overlap.iou(p);
            if (iou >= minIou) {
                candidates.add(new Match(p.truth(), p.pred(), iou));
            }
        }
        candidates.sort(Comparator.comparingDouble(Match::iou).reversed().thenComparingInt(Match::truth)
                .thenComparingInt(Match::pred));
        Set<Integer> usedTruth = new HashSet<>();
        Set<Integer> usedPred = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        for (Match m : candidates) {
            if (!usedTruth.contains(m.truth()) && !usedPred.contains(m.pred())) {
                usedTruth.add(m.truth());
                usedPred.add(m.pred());
                matches.add(m);
            }
        }
        return matches;
    }
}
