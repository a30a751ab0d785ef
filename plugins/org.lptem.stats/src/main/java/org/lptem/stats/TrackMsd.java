package org.lptem.stats;

/**
 * One track's MSD and fits.
 *
 * @param particle track id
 * @param points number of points
 * @param spanFrames frames from first to last point
 * @param curve time-averaged MSD, px^2
 * @param fit the fitted parameters
 */
public record TrackMsd(int particle, int points, int spanFrames, MsdCurve curve, MsdParameters fit) {
}
