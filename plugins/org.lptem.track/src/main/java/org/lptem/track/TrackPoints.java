package org.lptem.track;

import java.util.Arrays;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Track;

/**
 * The points of a list of tracks in primitive arrays, for the metrics: numbered track after track (the points of
 * track {@code k} are {@code trackStart[k] .. trackStart[k+1]-1}, in frame order) and also listed frame by frame.
 */
final class TrackPoints {
    final double[] x;
    final double[] y;
    final int[] frame;
    final int[] track;
    final int[] trackStart;
    /**
     * Point numbers sorted by frame: frame {@code frames[k]} has {@code byFrame[frameStart[k] .. frameStart[k+1]-1]}.
     */
    final int[] byFrame;
    final int[] frames;
    final int[] frameStart;

    private TrackPoints(List<Track> tracks) {
        int n = tracks.stream().mapToInt(Track::size).sum();
        x = new double[n];
        y = new double[n];
        frame = new int[n];
        track = new int[n];
        trackStart = new int[tracks.size() + 1];
        int i = 0;
        for (int k = 0; k < tracks.size(); k++) {
            trackStart[k] = i;
            for (Detection d : tracks.get(k).points()) {
                x[i] = d.x();
                y[i] = d.y();
                frame[i] = d.frame();
                track[i++] = k;
            }
        }
        trackStart[tracks.size()] = n;
        byFrame = java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> Integer.compare(frame[a], frame[b])).mapToInt(Integer::intValue).toArray();
        int distinct = 0;
        for (int j = 0; j < n; j++) {
            if (j == 0 || frame[byFrame[j]] != frame[byFrame[j - 1]]) {
                distinct++;
            }
        }
        frames = new int[distinct];
        frameStart = new int[distinct + 1];
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (j == 0 || frame[byFrame[j]] != frame[byFrame[j - 1]]) {
                frames[k] = frame[byFrame[j]];
                frameStart[k++] = j;
            }
        }
        frameStart[distinct] = n;
    }

    static TrackPoints of(List<Track> tracks) {
        return new TrackPoints(tracks);
    }

    int size() {
        return x.length;
    }

    int trackCount() {
        return trackStart.length - 1;
    }

    int trackSize(int k) {
        return trackStart[k + 1] - trackStart[k];
    }

    int slotOf(int f) {
        int k = Arrays.binarySearch(frames, f);
        return k >= 0 ? k : -1;
    }
}
