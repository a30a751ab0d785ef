package org.lptem.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/**
 * Tracks from identities a segmenter already assigned (SAM2 and other video segmenters keep one object id across
 * frames, written as the detection's label): detections with the same label form one track. Detections with
 * label 0 (no identity) each form a one-point track.
 */
public final class LabelIdLinker implements Linker {

    /** @throws LptemException if two detections of one frame carry the same label */
    @Override
    public List<Track> link(List<Detection> detections, Progress progress) {
        DetectionTable table = DetectionTable.of(detections);
        LinkGraph graph = new LinkGraph(table);
        Map<Integer, Integer> lastOfLabel = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            if (i % 65536 == 0) {
                progress.checkCanceled();
            }
            int label = table.detections[i].label();
            if (label == 0) {
                continue;
            }
            Integer last = lastOfLabel.put(label, i);
            if (last != null) {
                if (table.frame[last] == table.frame[i]) {
                    throw new LptemException(null, table.frame[i], "two detections have label " + label
                            + " (a segmenter's object id must be unique in a frame)", null);
                }
                graph.link(last, i);
            }
        }
        progress.report(1, "grouped detections by label");
        return graph.tracks(null);
    }
}
