package org.lptem.stats;

import java.util.List;

/**
 * Everything an MSD analysis found, in px and frames (degrees and frames for orientations).
 *
 * @param model the fitted model (dimensions, blur)
 * @param settings as given
 * @param maxLagFrames largest lag of the curves
 * @param tracks per-track curves and fits, in input order
 * @param pooled all displacements pooled per lag ({@code n} = displacements)
 * @param fromOrigin the ensemble-averaged MSD from each track's first frame ({@code n} = tracks)
 * @param timeAveragedMean the Qian-weighted mean of the time-averaged curves ({@code n} = tracks), which the
 *            ensemble fit uses
 * @param timeAveragedMeanCi bootstrap interval (resampling tracks) per lag of {@code timeAveragedMean}
 * @param ergodicity EB per lag
 * @param ensemble the fit of {@code timeAveragedMean}
 * @param profiledTracks number of tracks that informed the shared sigma (ENSEMBLE method), else 0
 * @param ensembleReplicates the ensemble fit of each bootstrap replicate (empty without bootstrap), e.g. for a
 *            confidence band of the fitted curve
 */
public record MsdResult(MsdModel model, MsdSettings settings, int maxLagFrames, List<TrackMsd> tracks,
        MsdCurve pooled, MsdCurve fromOrigin, WeightedMsd timeAveragedMean, List<Interval> timeAveragedMeanCi,
        ErgodicityBreaking ergodicity, MsdParameters ensemble, int profiledTracks,
        List<AnomalousFit> ensembleReplicates) {

    public MsdResult {
        tracks = List.copyOf(tracks);
        timeAveragedMeanCi = List.copyOf(timeAveragedMeanCi);
        ensembleReplicates = List.copyOf(ensembleReplicates);
    }

    public LocalisationMethod localisationMethod() {
        return settings.localisation();
    }
}
